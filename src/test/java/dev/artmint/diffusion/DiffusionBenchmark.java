package dev.artmint.diffusion;

import dev.artmint.diffusion.onnx.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CPU figures for the bundled model at batch 1 and 4: per-step and per-image time and the overhead ratio (wall time /
 * time inside ONNX Runtime). Run with {@code ./mvnw -Pbench test -Dtest=DiffusionBenchmark}; figures go to stdout and
 * target/benchmark/diffusion.txt. Without models/artmint-tiny it measures the 64x64 test fixture and says so.
 */
@Tag("benchmark")
class DiffusionBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 5;

    @Test
    void cpuBatchOneAndFour() throws IOException {
        Path model = Files.isRegularFile(BundledModelTest.BUNDLED.resolve("model_index.json"))
                ? BundledModelTest.BUNDLED
                : Fixtures.model("tiny");
        int threads = Integer.getInteger("artmint.bench.threads", 0);
        List<String> lines = new ArrayList<>();
        try (DiffusionPipeline pipeline = DiffusionPipeline.load(model, RuntimeOptions.cpu(threads))) {
            ModelDefaults defaults = pipeline.model().defaults();
            lines.add(String.format(
                    "model %s (%s), %dx%d, %d steps, %s, guidance %s, provider %s, intra-op threads %s,"
                            + " %d cores visible",
                    pipeline.model().name(),
                    model,
                    defaults.width(),
                    defaults.height(),
                    defaults.steps(),
                    defaults.scheduler().id(),
                    defaults.guidance(),
                    pipeline.provider().id(),
                    threads == 0 ? "ORT default" : threads,
                    Runtime.getRuntime().availableProcessors()));
            for (int batch : new int[] {1, 4}) {
                GenerationRequest request = GenerationRequest.builder(defaults)
                        .prompt("a red circle above a blue sea at sunset, watercolor")
                        .negativePrompt("blurry")
                        .seed(1)
                        .count(batch)
                        .build();
                for (int i = 0; i < WARMUP; i++) {
                    pipeline.generate(request);
                }
                List<Timings> runs = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    runs.add(pipeline.generate(request).timings());
                }
                Timings median = runs.stream()
                        .sorted(Comparator.comparing(Timings::total))
                        .toList()
                        .get(RUNS / 2);
                lines.add(String.format(
                        "batch %d: %.2f ms/step (%.2f ms/step/image), %.1f ms/image, %.1f ms total"
                                + " (text %.1f, denoise %.1f, decode %.1f), ONNX Runtime %.1f ms, overhead ratio "
                                + "%.4f%s",
                        batch,
                        millis(median.perStep()),
                        millis(median.perStep()) / batch,
                        millis(median.perImage()),
                        millis(median.total()),
                        millis(median.textEncoding()),
                        millis(median.denoising()),
                        millis(median.decoding()),
                        millis(median.onnx()),
                        median.overheadRatio(),
                        median.overheadRatio() <= 1.05 ? " (target <= 1.05 met)" : " (target <= 1.05 NOT met)"));
            }
        }
        lines.forEach(System.out::println);
        Path report = Path.of("target/benchmark/diffusion.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
    }

    private static double millis(java.time.Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
