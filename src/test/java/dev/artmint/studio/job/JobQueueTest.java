package dev.artmint.studio.job;

import static dev.artmint.studio.StudioApi.available;
import static dev.artmint.studio.StudioApi.awaitStatus;
import static dev.artmint.studio.StudioApi.queue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.diffusion.DiffusionPipeline;
import dev.artmint.diffusion.GenerationRequest;
import dev.artmint.diffusion.GenerationResult;
import dev.artmint.localstack.LocalStack;
import dev.artmint.platform.InjectLocalStack;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.ModelCatalogue;
import dev.artmint.studio.StudioApi;
import dev.artmint.studio.artwork.Artwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue under failure: a worker that dies holding a job, cancellation mid-run, an object-store outage. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class JobQueueTest {

    @Inject
    WorkerPool workers;

    @Inject
    JobQueue queue;

    @Inject
    ArtworkWriter writer;

    @Inject
    ModelCatalogue catalogue;

    // where the local stack's S3 server keeps the bucket's objects, to see exactly what a failure left behind
    private static final Path OBJECTS = Path.of("target/test-stack/objects/artmint");

    @InjectLocalStack
    LocalStack stack;

    @AfterEach
    void stopWorkers() {
        workers.stop();
    }

    @Test
    void jobOfADeadWorkerIsFinishedByAnotherWithExactlyTheExpectedArtworks() {
        UUID jobId = queue("ada", Map.of("prompt", "a harbour at night", "seed", 11, "steps", 3, "count", 3));
        // a worker claims the job, makes image 0, reports a step and dies without a word: its lease just runs out
        String doomed = "doomed-worker/" + UUID.randomUUID();
        assertEquals(Optional.of(jobId), queue.claim(doomed));
        GenerationJob claimed = QuarkusTransaction.requiringNew().call(() -> GenerationJob.findById(jobId));
        DiffusionPipeline pipeline = catalogue.pipeline("tiny");
        GenerationResult result =
                pipeline.generate(GenerationRequest.builder(pipeline.model().defaults())
                        .prompt(claimed.prompt)
                        .seed(claimed.seed)
                        .steps(claimed.steps)
                        .count(claimed.count)
                        .build());
        Artwork first = writer.write(
                ArtworkWriter.JobSnapshot.of(claimed),
                doomed,
                0,
                result.images().get(0),
                pipeline.model(),
                pipeline.provider().id());
        assertEquals(Optional.of(false), queue.heartbeat(jobId, doomed, 2, 3));

        workers.start(2);
        StudioApi.sleep(1000);
        JsonPath held = StudioApi.job("ada", jobId);
        assertEquals("RUNNING", held.getString("status"), "the lease has not expired yet");
        assertEquals(1, held.getInt("attempts"));

        JsonPath done = StudioApi.await(
                "ada", jobId, job -> "SUCCEEDED".equals(job.getString("status")), Duration.ofSeconds(30));
        assertEquals(2, done.getInt("attempts"));
        List<Artwork> artworks = QuarkusTransaction.requiringNew().call(() -> Artwork.ofJob(jobId));
        assertEquals(
                List.of(0, 1, 2),
                artworks.stream().map(artwork -> artwork.imageIndex).toList());
        assertEquals(first.id, artworks.getFirst().id, "the dead worker's image is kept, not made again");
        assertEquals(
                List.of(11L, 12L, 13L),
                artworks.stream().map(artwork -> artwork.seed).toList());
        assertEquals(Optional.empty(), queue.heartbeat(jobId, doomed, 3, 3), "the dead worker's lease is gone");
    }

    @Test
    void workerThreadsShareTheQueueWithoutEverTakingAJobTwice() throws Exception {
        List<UUID> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(queue("ada", Map.of("prompt", "a pebble " + i, "steps", 1)));
        }
        ExecutorService racers = Executors.newFixedThreadPool(8);
        Map<UUID, String> owners = new ConcurrentHashMap<>();
        try {
            List<Future<Optional<UUID>>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String owner = "racer-" + i + "/" + UUID.randomUUID();
                claims.add(racers.submit(() -> queue.claim(owner).map(id -> {
                    assertEquals(null, owners.put(id, owner), "job " + id + " was claimed twice");
                    return id;
                })));
            }
            long empty = 0;
            for (Future<Optional<UUID>> claim : claims) {
                empty += claim.get().isEmpty() ? 1 : 0;
            }
            assertEquals(2, empty, "eight claims for six jobs: two find nothing");
        } finally {
            racers.shutdown();
        }
        assertEquals(new HashSet<>(jobs), owners.keySet());
        owners.forEach((id, owner) -> assertTrue(queue.requeue(id, owner, null, 0)));

        workers.start(3);
        for (UUID id : jobs) {
            JsonPath done = awaitStatus("ada", id, "SUCCEEDED");
            assertEquals(2, done.getInt("attempts"));
            assertEquals(1, done.getList("artworks").size());
        }
    }

    @Test
    void artworkWhoseRowIsRefusedLeavesNoObjectsBehind() throws Exception {
        UUID jobId = queue("ada", Map.of("prompt", "an orphan", "steps", 2));
        String owner = "writer/" + UUID.randomUUID();
        assertEquals(Optional.of(jobId), queue.claim(owner));
        GenerationJob claimed = QuarkusTransaction.requiringNew().call(() -> GenerationJob.findById(jobId));
        DiffusionPipeline pipeline = catalogue.pipeline("tiny");
        GenerationResult result =
                pipeline.generate(GenerationRequest.builder(pipeline.model().defaults())
                        .prompt(claimed.prompt)
                        .seed(claimed.seed)
                        .steps(claimed.steps)
                        .build());
        Set<Path> before = objectFiles();
        // the objects are written, then the row is refused: this writer does not hold the job's lease
        assertThrows(
                LeaseLostException.class,
                () -> writer.write(
                        ArtworkWriter.JobSnapshot.of(claimed),
                        "not-the-lease-holder",
                        0,
                        result.images().getFirst(),
                        pipeline.model(),
                        pipeline.provider().id()));
        assertEquals(before, objectFiles());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Artwork.count("jobId", jobId)));
        assertTrue(queue.requeue(jobId, owner, null, 0));
        given().header("Authorization", Tokens.bearer("ada"))
                .delete("/api/generations/" + jobId)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    private static Set<Path> objectFiles() throws IOException {
        try (Stream<Path> files = Files.walk(OBJECTS)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    @Test
    void cancellingARunningJobStopsItAndRefundsItsImages() {
        int before = available("ada");
        UUID jobId =
                queue("ada", Map.of("prompt", "a slow river", "steps", 100, "count", 4, "width", 512, "height", 512));
        workers.start(1);
        StudioApi.await("ada", jobId, job -> job.getInt("step") >= 1, Duration.ofSeconds(60));
        given().header("Authorization", Tokens.bearer("ada"))
                .delete("/api/generations/" + jobId)
                .then()
                .statusCode(200);
        JsonPath cancelled = awaitStatus("ada", jobId, "CANCELLED");
        assertTrue(cancelled.getInt("step") < 100, "stopped before the last step: " + cancelled.prettify());
        assertEquals(List.of(), cancelled.getList("artworks"));
        assertEquals(before, available("ada"));
        try (StudioApi.EventStream events = new StudioApi.EventStream("ada", jobId)) {
            StudioApi.EventStream.Event last = events.next();
            assertEquals("failed", last.name());
            assertEquals("urn:artmint:problem:generation-cancelled", last.data().getString("type"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void objectStoreOutageLeavesNoArtworkAndRefundsWhenTheJobFails() {
        int before = available("ada");
        UUID jobId = queue("ada", Map.of("prompt", "a storm", "steps", 2, "count", 2));
        stack.stopObjectStore();
        try {
            workers.start(1);
            JsonPath failed = awaitStatus("ada", jobId, "FAILED");
            assertEquals(2, failed.getInt("attempts"), "retried once, then failed");
            assertTrue(failed.getString("error").contains("put images/"), failed.getString("error"));
        } finally {
            stack.startObjectStore();
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Artwork.count("jobId", jobId)));
        assertEquals(before, available("ada"));
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/generations/" + jobId)
                .then()
                .body("artworks.size()", equalTo(0));
    }
}
