package dev.artmint.studio;

import static dev.artmint.studio.StudioApi.awaitStatus;
import static dev.artmint.studio.StudioApi.queue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.job.GenerationJob;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Verify as a queued job: the byte checks at once, the re-generation on a worker once per record, then the cache. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class VerificationTest {

    private static final String REPRODUCTION = "checks.find { it.name == 'reproduction' }";

    @Inject
    WorkerPool workers;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void stopWorkers() {
        workers.stop();
    }

    @Test
    void theReproductionIsQueuedRunOnceByAWorkerAndThenAnsweredFromTheCache() {
        String artwork = newArtwork("a brass compass on a map", 11);
        String hash = provenanceHash(artwork);
        verification("ada", artwork).then().statusCode(404).contentType("application/problem+json");

        given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/artworks/" + artwork + "/verify")
                .then()
                .statusCode(202)
                .header("Location", endsWith("/api/artworks/" + artwork + "/verification"))
                .body("verified", equalTo(false))
                .body("checks.findAll { it.name != 'reproduction' }.outcome.unique()", equalTo(List.of("PASSED")))
                .body(REPRODUCTION + ".outcome", equalTo("QUEUED"));
        verification("ada", artwork).then().statusCode(200).body(REPRODUCTION + ".outcome", equalTo("QUEUED"));
        verification("bo", artwork).then().statusCode(404);
        // asked again while it waits: still one row, nothing run
        given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/artworks/" + artwork + "/verify")
                .then()
                .statusCode(202);
        assertEquals(List.of(0), attempts(hash));

        workers.start(1);
        StudioApi.verify("ada", artwork)
                .then()
                .statusCode(200)
                .body("verified", equalTo(true))
                .body("reproduced", equalTo(true))
                .body(REPRODUCTION + ".outcome", equalTo("PASSED"));
        workers.stop();
        assertEquals(List.of(1), attempts(hash));
        Object finished = finishedAt(hash);
        long jobs = jobCount();

        // no worker runs now: the answer can only come from the cache
        given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/artworks/" + artwork + "/verify")
                .then()
                .statusCode(200)
                .body("verified", equalTo(true))
                .body("reproduced", equalTo(true))
                .body(REPRODUCTION + ".outcome", equalTo("PASSED"))
                .body(REPRODUCTION + ".detail", containsString("same pixels"));
        verification("ada", artwork).then().statusCode(200).body("reproduced", equalTo(true));
        assertEquals(List.of(1), attempts(hash), "the cached reproduction ran no second generation");
        assertEquals(finished, finishedAt(hash));
        assertEquals(jobs, jobCount(), "and queued no job");
    }

    @Test
    void aRecordWhoseRecipeMakesOtherPixelsFailsItsQueuedReproduction() {
        String artwork = newArtwork("a paper lantern", 5);
        UUID id = UUID.fromString(artwork);
        ProvenanceRecord honest = ProvenanceRecord.parse(
                QuarkusTransaction.requiringNew().call(() -> Artwork.<Artwork>findById(id).provenanceJson));
        // the record claims another seed; its hash is that of the claim, and the image is the one really made
        ProvenanceRecord forged = StudioApi.with(honest, "seed", honest.seed() + 1);
        StudioApi.forgeRecord(id, forged);
        given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/artworks/" + artwork + "/verify")
                .then()
                .statusCode(202)
                .body(REPRODUCTION + ".outcome", equalTo("QUEUED"));
        workers.start(1);
        StudioApi.verify("ada", artwork)
                .then()
                .statusCode(200)
                .body("verified", equalTo(false))
                .body("reproduced", equalTo(false))
                .body("checks.find { it.name == 'record-hash' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.name == 'image-sha256' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.name == 'embedded-record' }.outcome", equalTo("FAILED"))
                .body(REPRODUCTION + ".outcome", equalTo("FAILED"))
                .body(REPRODUCTION + ".detail", containsString("gives pixels hashing to"));
        assertEquals(List.of(1), attempts(forged.hash()));
    }

    private String newArtwork(String prompt, int seed) {
        workers.start(1);
        UUID job = queue("ada", Map.of("prompt", prompt, "steps", 2, "seed", seed));
        String artwork = awaitStatus("ada", job, "SUCCEEDED").getString("artworks[0]");
        workers.stop();
        return artwork;
    }

    private static io.restassured.response.Response verification(String user, String artwork) {
        return given().header("Authorization", Tokens.bearer(user)).get("/api/artworks/" + artwork + "/verification");
    }

    private static String provenanceHash(String artwork) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Artwork.<Artwork>findById(UUID.fromString(artwork)).provenanceHash);
    }

    @SuppressWarnings("unchecked")
    private List<Integer> attempts(String hash) {
        return QuarkusTransaction.requiringNew().call(() -> (List<Integer>) entityManager
                .createNativeQuery("select attempts from verification where provenance_hash = ?1")
                .setParameter(1, hash)
                .getResultList());
    }

    private Object finishedAt(String hash) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select finished_at from verification where provenance_hash = ?1")
                        .setParameter(1, hash)
                        .getSingleResult());
    }

    private static long jobCount() {
        return QuarkusTransaction.requiringNew().call(() -> GenerationJob.count());
    }
}
