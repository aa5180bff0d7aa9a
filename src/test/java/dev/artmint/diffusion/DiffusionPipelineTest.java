package dev.artmint.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.artmint.diffusion.image.PngCodec;
import dev.artmint.diffusion.image.PngText;
import dev.artmint.diffusion.onnx.ExecutionProvider;
import dev.artmint.diffusion.onnx.RuntimeOptions;
import dev.artmint.diffusion.scheduler.SchedulerKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** End-to-end behaviour of the pipeline on the tiny random-weight fixture model. */
class DiffusionPipelineTest {

    private static final String TINY_SHA256 = "54652271c6d515f5a99bc57c1a339662422c0f61c0b229af8a116eca014c8962";

    private static DiffusionPipeline pipeline;

    @BeforeAll
    static void load() {
        pipeline = DiffusionPipeline.load(Fixtures.model("tiny"), RuntimeOptions.cpu(2));
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    private static GenerationRequest.Builder request() {
        return GenerationRequest.builder(pipeline.model().defaults())
                .prompt("a painting of a fox in the snow")
                .negativePrompt("blurry")
                .seed(42);
    }

    @Test
    void readsTheModelFolder() {
        ModelInfo model = pipeline.model();
        assertEquals("tiny", model.name());
        assertEquals(new ModelDefaults("tiny", 6, 5.0, 64, 64, SchedulerKind.EULER_A), model.defaults());
        assertEquals(0.18215, model.vaeScalingFactor(), 1e-12);
        assertEquals(ExecutionProvider.CPU, pipeline.provider());
        assertTrue(Fixtures.takesInitImage(pipeline));
        assertTrue(model.fileSha256().containsKey("unet/model.onnx"));
        assertEquals(12, model.fileSha256().size());
        // computed with coreutils in the fixture folder, as ModelFiles documents:
        // find . -type f | grep -v '/\.' | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum
        assertEquals(TINY_SHA256, model.sha256());
    }

    @Test
    void hashesTheFilesBehindALinkedModelFolder(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("linked-model"), Fixtures.model("tiny"));
        assertEquals(TINY_SHA256, new ModelFiles(link).describe().sha256());
    }

    @Test
    void cudaFallsBackToTheCpuWhereItCannotRun() {
        try (DiffusionPipeline onCuda =
                DiffusionPipeline.load(Fixtures.model("tiny"), new RuntimeOptions(ExecutionProvider.CUDA, 0, 2, 1))) {
            assumeTrue(onCuda.provider() == ExecutionProvider.CPU, "a CUDA device is present");
            GenerationRequest same = request().build();
            assertArrayEquals(
                    pipeline.generate(same).images().getFirst().png(),
                    onCuda.generate(same).images().getFirst().png());
        }
    }

    @Test
    void sameSeedGivesIdenticalPngBytesAndAnotherSeedDoesNot() {
        byte[] first = pipeline.generate(request().build()).images().getFirst().png();
        byte[] again = pipeline.generate(request().build()).images().getFirst().png();
        GeneratedImage other =
                pipeline.generate(request().seed(43).build()).images().getFirst();
        assertArrayEquals(first, again);
        assertTrue(
                Fixtures.maxChannelDifference(PngCodec.read(first), other.image()) > 0,
                "seed 43 must draw a different image than seed 42");
    }

    @Test
    void batchEqualsTheSingleRunsWithConsecutiveSeeds() {
        GenerationResult batch = pipeline.generate(request().seed(100).count(3).build());
        assertEquals(3, batch.images().size());
        for (int i = 0; i < 3; i++) {
            GeneratedImage single =
                    pipeline.generate(request().seed(100 + i).build()).images().getFirst();
            GeneratedImage fromBatch = batch.images().get(i);
            assertEquals(100 + i, fromBatch.seed());
            assertArrayEquals(Fixtures.pixels(single.image()), Fixtures.pixels(fromBatch.image()), "image " + i);
            assertArrayEquals(single.png(), fromBatch.png(), "png " + i);
        }
    }

    @Test
    void concurrentGenerationsShareTheSessionsAndStayDeterministic() throws Exception {
        GenerationRequest same = request().seed(77).count(2).build();
        byte[] expected = pipeline.generate(same).images().get(1).png();
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(threads.submit(
                        () -> pipeline.generate(same).images().get(1).png()));
            }
            for (Future<byte[]> result : results) {
                assertArrayEquals(expected, result.get());
            }
        }
    }

    @Test
    void guidanceAtOrBelowOneIgnoresTheNegativePrompt() {
        BufferedImage off = image(request().guidance(1.0).negativePrompt("blurry"));
        BufferedImage offOtherNegative = image(request().guidance(1.0).negativePrompt("a red chair at night"));
        BufferedImage belowOne = image(request().guidance(0.5).negativePrompt("watermark"));
        assertArrayEquals(Fixtures.pixels(off), Fixtures.pixels(offOtherNegative));
        assertArrayEquals(Fixtures.pixels(off), Fixtures.pixels(belowOne));

        BufferedImage on = image(request().guidance(5).negativePrompt("blurry"));
        BufferedImage onOtherNegative = image(request().guidance(5).negativePrompt("a red chair at night"));
        assertTrue(Fixtures.maxChannelDifference(on, onOtherNegative) > 0, "with guidance the negative prompt counts");
        assertTrue(Fixtures.maxChannelDifference(on, off) > 0, "guidance changes the image");
    }

    @Test
    void imageToImageAtStrengthZeroReturnsTheInput() {
        BufferedImage input = Fixtures.blockImage(64, 64, 7);
        GenerationResult kept =
                pipeline.generate(request().initImage(input, 0.0).build());
        assertEquals(0, kept.timings().steps());
        assertTrue(
                Fixtures.maxChannelDifference(input, kept.images().getFirst().image()) <= 1,
                "VAE round trip of a block image is exact up to rounding");

        GenerationResult varied =
                pipeline.generate(request().initImage(input, 0.6).build());
        assertEquals(3, varied.timings().steps(), "strength 0.6 of 6 steps runs the last 3");
        assertTrue(
                Fixtures.maxChannelDifference(input, varied.images().getFirst().image()) > 8);
        assertTrue(varied.images().getFirst().parameters().endsWith("Denoising strength: 0.6"));
    }

    @Test
    void cancellationStopsBeforeTheNextStep() {
        AtomicInteger seen = new AtomicInteger();
        GenerationCancelledException cancelled = assertThrows(
                GenerationCancelledException.class,
                () -> pipeline.generate(
                        request().steps(6).build(), progress -> seen.incrementAndGet(), () -> seen.get() >= 2));
        assertEquals(2, cancelled.completedSteps());
        assertEquals(2, seen.get());
    }

    @Test
    void reportsEveryStepWithPreviewsEveryKSteps() {
        List<StepProgress> steps = new ArrayList<>();
        pipeline.generate(request().steps(6).count(2).previewEvery(2).build(), steps::add, () -> false);
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6),
                steps.stream().map(StepProgress::step).toList());
        assertTrue(steps.stream().allMatch(p -> p.total() == 6));
        assertEquals(
                List.of(0, 2, 0, 2, 0, 2),
                steps.stream().map(p -> p.previews().size()).toList());
        BufferedImage preview = steps.get(1).previews().getFirst();
        assertEquals(8, preview.getWidth());
        assertTrue(steps.get(5).elapsed().compareTo(steps.get(0).elapsed()) > 0);
    }

    @Test
    void pngCarriesA1111ParametersAndCallerChunks() {
        GeneratedImage image = pipeline.generate(
                        request().steps(4).guidance(7.5).build())
                .images()
                .getFirst();
        String expected = "a painting of a fox in the snow\nNegative prompt: blurry\nSteps: 4, Sampler: Euler a,"
                + " CFG scale: 7.5, Seed: 42, Size: 64x64, Model hash: "
                + pipeline.model().shortHash()
                + ", Model: tiny";
        assertEquals(expected, image.parameters());
        String provenance = "{\"prompt\":\"山水画 🎨\",\"seed\":42}";
        byte[] png = image.png(List.of(new PngText("artmint-provenance", provenance), new PngText("note", "ok")));
        Map<String, String> texts = PngCodec.readTexts(png);
        assertEquals(expected, texts.get("parameters"));
        assertEquals(provenance, texts.get("artmint-provenance"));
        assertEquals("ok", texts.get("note"));
        String raw = new String(png, StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("tEXtparameters\0"), "Latin-1 text goes in a tEXt chunk");
        assertTrue(raw.contains("iTXtartmint-provenance\0"), "other text goes in an iTXt chunk");
        assertArrayEquals(Fixtures.pixels(image.image()), Fixtures.pixels(PngCodec.read(png)));
    }

    @Test
    void overLongPromptIsTruncatedWithAWarning() {
        String prompt = String.join(" ", Collections.nCopies(60, "castle"));
        GenerationResult result = pipeline.generate(request().prompt(prompt).build());
        assertEquals(1, result.images().size());
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().getFirst().startsWith("prompt is longer than 30 tokens"));
    }

    @ParameterizedTest
    @EnumSource(SchedulerKind.class)
    void everySchedulerProducesADistinctImage(SchedulerKind kind) {
        GenerationResult result =
                pipeline.generate(request().scheduler(kind).steps(4).build());
        BufferedImage image = result.images().getFirst().image();
        assertEquals(64, image.getWidth());
        assertEquals(4, result.timings().steps());
        assertTrue(result.images().getFirst().parameters().contains("Sampler: " + kind.a1111Name() + ","));
        long distinctColours = Arrays.stream(Fixtures.pixels(image)).distinct().count();
        assertTrue(distinctColours > 4, "a real image, not a flat fill: " + distinctColours);
    }

    @Test
    void timingsAccountForTheOnnxRuns() {
        Timings timings = pipeline.generate(request().build()).timings();
        assertEquals(6, timings.steps());
        assertTrue(timings.onnx().compareTo(timings.total()) <= 0);
        assertTrue(timings.onnx().toNanos() > 0);
        assertTrue(timings.overheadRatio() >= 1.0);
    }

    private static BufferedImage image(GenerationRequest.Builder builder) {
        GenerationResult result = pipeline.generate(builder.build());
        assertNotEquals(0, result.images().size());
        return result.images().getFirst().image();
    }
}
