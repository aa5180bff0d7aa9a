package dev.artmint.studio.job;

import static dev.artmint.studio.StudioApi.queue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.storage.ObjectStore;
import dev.artmint.storage.StoredObject;
import dev.artmint.studio.StudioApi;
import dev.artmint.studio.artwork.Artwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a worker killed between storing an image's objects and committing its row leaves, and who removes it. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class PendingObjectsTest {

    @Inject
    WorkerPool workers;

    @Inject
    JobQueue queue;

    @Inject
    PendingObjects pending;

    @Inject
    ObjectStore store;

    @Inject
    EntityManager entityManager;

    private static final Path OBJECTS = Path.of("target/test-stack/objects/artmint");

    @AfterEach
    void stopWorkers() {
        workers.stop();
    }

    @Test
    void theNextClaimOfTheJobRemovesWhatAKilledWorkerStoredButNeverCommitted() {
        UUID jobId = queue("ada", Map.of("prompt", "a buoy in the fog", "steps", 2, "count", 1));
        // the worker records and stores its objects, then dies before the row: nothing of it ever runs again
        String killed = "killed-worker/" + UUID.randomUUID();
        assertEquals(Optional.of(jobId), queue.claim(killed));
        byte[] bytes = ("left by " + killed).getBytes(StandardCharsets.UTF_8);
        String leftover =
                StoredObject.of("provenance", "json", bytes, "application/json").key();
        pending.record(jobId, List.of(leftover));
        store.put("provenance", "json", bytes, "application/json");
        assertTrue(stored(leftover));

        workers.start(1);
        StudioApi.awaitStatus("ada", jobId, "SUCCEEDED");

        assertFalse(stored(leftover), "the dead claim's object is removed");
        List<Artwork> artworks = QuarkusTransaction.requiringNew().call(() -> Artwork.ofJob(jobId));
        assertEquals(1, artworks.size());
        for (String key : List.of(
                artworks.getFirst().imageKey, artworks.getFirst().thumbnailKey, artworks.getFirst().provenanceKey)) {
            assertTrue(stored(key), "the committed artwork keeps " + key);
        }
        assertEquals(0L, pendingRows(jobId), "nothing of the job is pending once its rows are committed");
    }

    /** Whether the local stack's S3 server holds the key, read from its filesystem backend. */
    private static boolean stored(String key) {
        return Files.isRegularFile(OBJECTS.resolve(key));
    }

    private long pendingRows(UUID jobId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from pending_object where job_id = ?1")
                                .setParameter(1, jobId)
                                .getSingleResult())
                        .longValue());
    }
}
