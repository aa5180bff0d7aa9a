package dev.artmint.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Minting;
import dev.artmint.chain.TxStatus;
import dev.artmint.localstack.LocalStack;
import dev.artmint.market.MarketApi;
import dev.artmint.market.token.MintedTokens;
import dev.artmint.platform.InjectLocalStack;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.job.GenerationJob;
import dev.artmint.studio.job.JobStatus;
import dev.artmint.studio.job.WorkerPool;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The object store stopped while a generation runs and while a mint is being sent (its token metadata is stored before
 * the mint goes out). Checked against each other, rows and bucket (read with a MinIO client of the test's own) hold no
 * orphan row (an artwork whose objects are missing), no orphan object and no dangling metadata (a metadata document of
 * a token that is not being minted, or a mint whose metadata is missing). Fault profile only: it stops a part every
 * test shares, and starts it again before it ends.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectStoreFaultIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    // long enough to be caught running
    private static final String SLOW_JOB =
            "{\"prompt\":\"a lighthouse in fog\",\"steps\":100,\"width\":128,\"height\":128,\"count\":2}";

    @InjectLocalStack
    LocalStack stack;

    @Inject
    WorkerPool workers;

    @Inject
    ObjectStore store;

    @Inject
    Minting minting;

    /**
     * An outage longer than the job's attempts (artmint.studio.max-attempts, each after retry-delay) fails the job,
     * with nothing written: the artwork row is committed only after its objects are stored, and objects of a row that
     * was not committed are removed.
     */
    @Test
    void aJobThatOutlastsItsAttemptsFailsCleanly() {
        Set<String> before = objectKeys();
        UUID job = submit();
        workers.start(1);
        Instant down;
        try {
            awaitJob(job, view -> view.status == JobStatus.RUNNING);
            down = Instant.now();
            stack.stopObjectStore();
            try {
                GenerationJob failed = awaitJob(job, view -> view.status.finished());
                assertEquals(JobStatus.FAILED, failed.status, "the job ends while the store is out");
                assertTrue(failed.error != null && failed.error.contains("put "), failed.error);
                assertEquals(2, failed.attempts);
            } finally {
                startObjectStore();
            }
        } finally {
            workers.stop();
        }
        System.out.printf(
                "ObjectStoreFaultIT: store out %d ms mid-job; the job FAILED after 2 attempts%n",
                Duration.between(down, Instant.now()).toMillis());
        assertEquals(List.of(), artworksOf(job), "no artwork row");
        assertEquals(before, objectKeys(), "no object written by the failed job");
        rowsAndBucketAgree();
    }

    /**
     * The store back before the job's last attempt: the next attempt renders again and writes every image, each once.
     * The test holds a FOR KEY SHARE lock on the job's row meanwhile: the failed attempt's heartbeats and requeue still
     * update it, but no worker can claim it (FOR UPDATE SKIP LOCKED) until the store is surely back.
     */
    @Test
    void aJobResumesOnceTheStoreIsBack() throws SQLException {
        UUID job = submit();
        workers.start(1);
        Duration outage;
        try {
            awaitJob(job, view -> view.status == JobStatus.RUNNING);
            Instant down;
            try (Connection hold = holdClaims(job)) {
                down = Instant.now();
                stack.stopObjectStore();
                try {
                    GenerationJob retrying = awaitJob(
                            job,
                            view -> view.status == JobStatus.QUEUED && view.error != null || view.status.finished());
                    assertEquals(JobStatus.QUEUED, retrying.status, "queued again for a second attempt");
                    assertEquals(1, retrying.attempts);
                    assertTrue(retrying.error.contains("put "), retrying.error);
                } finally {
                    startObjectStore();
                }
                hold.commit();
            }
            outage = Duration.between(down, Instant.now());
            GenerationJob done = awaitJob(job, view -> view.status.finished());
            assertEquals(JobStatus.SUCCEEDED, done.status, done.error);
            assertEquals(2, done.attempts);
        } finally {
            workers.stop();
        }
        List<Artwork> made = artworksOf(job);
        assertEquals(
                List.of(0, 1),
                made.stream().map(artwork -> artwork.imageIndex).sorted().toList());
        System.out.printf(
                "ObjectStoreFaultIT: store out %d ms mid-job; the job resumed and SUCCEEDED on attempt 2 with %d"
                        + " artworks%n",
                outage.toMillis(), made.size());
        rowsAndBucketAgree();
    }

    /** A connection of the test's own holding a FOR KEY SHARE lock on the job's row until it commits. */
    private static Connection holdClaims(UUID job) throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        connection.setAutoCommit(false);
        try (PreparedStatement lock =
                connection.prepareStatement("select id from generation_job where id = ? for key share")) {
            lock.setObject(1, job);
            lock.executeQuery().close();
        }
        return connection;
    }

    /**
     * A mint whose metadata cannot be stored is refused with 503 before anything is sent, leaves no claim, no
     * transaction and no metadata, and goes through when retried after the store is back.
     */
    @Test
    void aMintIsRefusedWhileTheStoreIsOutAndGoesThroughAfter() {
        String artwork = MarketApi.artworks(workers, 1).getFirst();
        MarketApi.publish(artwork, 300);
        BigInteger tokenId = QuarkusTransaction.requiringNew()
                .call(() -> Artwork.<Artwork>findById(UUID.fromString(artwork)).tokenId);
        Tokens.of("ada");
        Instant down = Instant.now();
        stack.stopObjectStore();
        long refusedIn;
        try {
            long begin = System.nanoTime();
            mint(artwork)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:artmint:problem:service-unavailable"))
                    .body("detail", containsString("object store"));
            refusedIn = Duration.ofNanos(System.nanoTime() - begin).toMillis();
            assertEquals(Optional.empty(), minting.mintOf(tokenId), "nothing sent");
        } finally {
            startObjectStore();
        }
        Duration outage = Duration.between(down, Instant.now());
        assertFalse(objectKeys().contains(MintedTokens.objectKey(tokenId)), "no metadata of the refused mint");

        UUID tx = UUID.fromString(mint(artwork).then().statusCode(202).extract().path("transaction.id"));
        MarketApi.await(
                () -> minting.mintOf(tokenId).orElseThrow(),
                (ChainTransaction sent) -> sent.id.equals(tx) && sent.status == TxStatus.CONFIRMED,
                WAIT);
        given().get("/api/tokens/" + tokenId).then().statusCode(200).body("name", notNullValue());
        System.out.printf(
                "ObjectStoreFaultIT: store out %d ms; the mint was refused with 503 in %d ms and confirmed when"
                        + " retried after%n",
                outage.toMillis(), refusedIn);
        rowsAndBucketAgree();
    }

    /**
     * Every artwork row's objects are in the bucket; every image, thumbnail and provenance object belongs to a row;
     * every metadata document is of a token with a mint that did not fail, and every such mint has its document.
     */
    private void rowsAndBucketAgree() {
        Set<String> objects = objectKeys();
        List<Artwork> artworks = QuarkusTransaction.requiringNew().call(() -> Artwork.<Artwork>listAll());
        Set<String> referenced = new HashSet<>();
        for (Artwork artwork : artworks) {
            for (String key : List.of(artwork.imageKey, artwork.thumbnailKey, artwork.provenanceKey)) {
                assertTrue(objects.contains(key), "artwork " + artwork.id + " is missing " + key);
                referenced.add(key);
            }
        }
        for (String key : objects) {
            if (key.startsWith("tokens/")) {
                BigInteger tokenId = new BigInteger(key.substring("tokens/".length(), key.length() - ".json".length()));
                Optional<ChainTransaction> mint = minting.mintOf(tokenId);
                assertTrue(
                        mint.isPresent() && mint.get().status != TxStatus.FAILED,
                        key + " is the metadata of a token that is not minted: " + mint.map(tx -> tx.status));
            } else {
                assertTrue(referenced.contains(key), key + " belongs to no artwork");
            }
        }
        for (Artwork artwork : artworks) {
            minting.mintOf(artwork.tokenId)
                    .filter(mint -> mint.status != TxStatus.FAILED)
                    .ifPresent(mint -> assertTrue(
                            objects.contains(MintedTokens.objectKey(artwork.tokenId)),
                            "the mint " + mint.hash + " points at missing metadata"));
        }
    }

    private static io.restassured.response.Response mint(String artwork) {
        return given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("to", "custodial"))
                .post("/api/artworks/" + artwork + "/mint");
    }

    private static UUID submit() {
        return UUID.fromString(given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(SLOW_JOB)
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id"));
    }

    private static GenerationJob awaitJob(UUID job, Predicate<GenerationJob> condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            GenerationJob view = QuarkusTransaction.requiringNew().call(() -> GenerationJob.findById(job));
            if (condition.test(view)) {
                return view;
            }
            if (view.status.finished()) {
                fail("job " + job + " ended " + view.status + " before the fault: " + view.error);
            }
            sleep(Duration.ofMillis(10));
        }
        throw new AssertionError("job " + job + " did not get there within " + WAIT);
    }

    private static List<Artwork> artworksOf(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> Artwork.ofJob(job));
    }

    /** Starts the store again and waits until the service reaches it, as the following tests expect it. */
    private void startObjectStore() {
        stack.startObjectStore();
        MarketApi.await(
                () -> {
                    try {
                        return store.bucketExists();
                    } catch (ObjectStoreException e) {
                        return false;
                    }
                },
                Boolean::booleanValue,
                Duration.ofSeconds(30));
    }

    /** Every key in the bucket, listed by a client of the test's own rather than the service's. */
    private static Set<String> objectKeys() {
        var config = ConfigProvider.getConfig();
        MinioClient client = MinioClient.builder()
                .endpoint(config.getValue("artmint.storage.endpoint", String.class))
                .credentials(
                        config.getValue("artmint.storage.access-key", String.class),
                        config.getValue("artmint.storage.secret-key", String.class))
                .region("us-east-1")
                .build();
        Set<String> keys = new HashSet<>();
        try {
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder()
                    .bucket(config.getOptionalValue("artmint.storage.bucket", String.class)
                            .orElse("artmint"))
                    .recursive(true)
                    .build())) {
                keys.add(item.get().objectName());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the bucket: " + e.getMessage(), e);
        }
        return keys;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
