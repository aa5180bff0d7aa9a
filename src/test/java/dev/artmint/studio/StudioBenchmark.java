package dev.artmint.studio;

import static dev.artmint.studio.StudioApi.queue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.studio.job.GenerationJob;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * End-to-end studio throughput with the bundled model on this machine: jobs per minute with 1 and 2 workers, and the
 * queue's overhead per job (time from submission to the job's end minus the engine's time). Run with {@code ./mvnw
 * -Pbench test -Dtest=StudioBenchmark}; figures go to stdout and target/benchmark/studio.txt.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(StudioBenchmark.BundledModel.class)
@WithTestResource(LocalStackResource.class)
@EnabledIf(
        value = "bundledModelPresent",
        disabledReason = "models/artmint-tiny is absent (it is trained separately); the studio benchmark needs it")
class StudioBenchmark {

    private static final Path BUNDLED = Path.of("models/artmint-tiny");
    private static final int JOBS = 8;

    /** The real models folder instead of the test fixtures. */
    public static class BundledModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "artmint.studio.models-dir",
                    "models",
                    "artmint.studio.default-model",
                    "artmint-tiny",
                    "artmint.studio.daily-credits",
                    "1000",
                    "artmint.studio.lease",
                    "60s",
                    "artmint.studio.poll-interval",
                    "100ms");
        }
    }

    @Inject
    WorkerPool workers;

    @Inject
    ModelCatalogue catalogue;

    static boolean bundledModelPresent() {
        return Files.isRegularFile(BUNDLED.resolve("model_index.json"));
    }

    @Test
    void jobsPerMinuteAndQueueOverhead() throws IOException {
        List<String> lines = new ArrayList<>();
        var model = catalogue.defaultModel().orElseThrow();
        lines.add(String.format(
                "studio benchmark, model %s (sha256 %s) at its defaults (%d steps, %dx%d), 1 image per"
                        + " job, %d cores visible",
                model.name(),
                model.shortHash(),
                model.defaults().steps(),
                model.defaults().width(),
                model.defaults().height(),
                Runtime.getRuntime().availableProcessors()));
        workers.start(1);
        try {
            awaitAll(List.of(queue("ada", Map.of("prompt", "warm-up"))));
            List<Long> overheads = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                UUID id = queue("ada", Map.of("prompt", "a lighthouse on a cliff, watercolor", "seed", i));
                awaitAll(List.of(id));
                GenerationJob job = QuarkusTransaction.requiringNew().call(() -> GenerationJob.findById(id));
                overheads.add(Duration.between(job.createdAt, job.finishedAt).toMillis() - job.engineMillis);
            }
            overheads.sort(Long::compare);
            lines.add(String.format(
                    "queue overhead per job (end-to-end minus engine, one job at a time): median %d ms,"
                            + " min %d ms, max %d ms",
                    overheads.get(JOBS / 2), overheads.getFirst(), overheads.getLast()));
        } finally {
            workers.stop();
        }
        for (int count : new int[] {1, 2}) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                ids.add(queue("ada", Map.of("prompt", "a harbour at dawn, oil painting", "seed", 100 + i)));
            }
            long start = System.nanoTime();
            workers.start(count);
            try {
                awaitAll(ids);
            } finally {
                workers.stop();
            }
            double minutes = (System.nanoTime() - start) / 60e9;
            lines.add(String.format(
                    "%d worker(s): %d jobs in %.1f s = %.1f jobs/minute", count, JOBS, minutes * 60, JOBS / minutes));
        }
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.write(Path.of("target/benchmark/studio.txt"), lines);
    }

    private static void awaitAll(List<UUID> ids) {
        for (UUID id : ids) {
            assertEquals(
                    "SUCCEEDED",
                    StudioApi.await(
                                    "ada",
                                    id,
                                    job -> !"QUEUED".equals(job.getString("status"))
                                            && !"RUNNING".equals(job.getString("status")),
                                    Duration.ofMinutes(10))
                            .getString("status"));
        }
    }
}
