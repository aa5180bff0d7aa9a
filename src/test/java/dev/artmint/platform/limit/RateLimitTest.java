package dev.artmint.platform.limit;

import static dev.artmint.studio.StudioApi.awaitStatus;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.identity.Caller;
import dev.artmint.identity.Roles;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.TestClock;
import dev.artmint.platform.Tokens;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import dev.artmint.studio.StudioApi;
import dev.artmint.studio.job.GenerationSpec;
import dev.artmint.studio.job.Generations;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each limited action over its limit: 429 {@code rate-limited} with the seconds until the next token in Retry-After,
 * the service's clock held so that the figure is exact; and an event stream that ends at its deadline.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@WithTestResource(LocalStackResource.class)
class RateLimitTest {

    /** Limits a test reaches in a few requests, and streams that stay open two seconds. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "artmint.limits.generations.requests", "2",
                    "artmint.limits.generations.per", "1h",
                    "artmint.limits.verifications.requests", "1",
                    "artmint.limits.verifications.per", "1h",
                    "artmint.limits.faucet.requests", "1",
                    "artmint.limits.faucet.per", "1h",
                    "artmint.limits.event-streams.requests", "2",
                    "artmint.limits.event-streams.per", "1m",
                    "artmint.limits.stream-max-duration", "2s",
                    "artmint.limits.queued-jobs-per-user", "3");
        }
    }

    private static final Map<String, Object> SMALL_JOB = Map.of("prompt", "a small grey pebble", "steps", 2);

    @Inject
    TestClock clock;

    @Inject
    WorkerPool workers;

    @Inject
    Generations generations;

    private final List<UUID> jobs = new ArrayList<>();

    @AfterEach
    void release() {
        workers.stop();
        clock.release();
        jobs.forEach(job -> generations.cancel(job, Caller.of(null, Roles.ADMIN)));
        jobs.clear();
    }

    @Test
    void generationSubmissionsOverTheLimitAreRefusedUntilATokenIsBack() {
        Instant held = clock.hold();
        jobs.add(StudioApi.queue("ada", SMALL_JOB));
        jobs.add(StudioApi.queue("ada", SMALL_JOB));
        int credits = StudioApi.available("ada");
        assertRateLimited(StudioApi.submit("ada", SMALL_JOB), 1800);
        assertEquals(credits, StudioApi.available("ada"), "a refused submission charges nothing");
        clock.hold(held.plusSeconds(1799));
        assertRateLimited(StudioApi.submit("ada", SMALL_JOB), 1);
        clock.hold(held.plusSeconds(1800));
        jobs.add(StudioApi.queue("ada", SMALL_JOB));
        assertRateLimited(StudioApi.submit("ada", SMALL_JOB), 1800);
    }

    @Test
    void aUserWithTheMostJobsWaitingIsRefusedUntilOneEnds() {
        for (int i = 0; i < 3; i++) {
            submitted(SMALL_JOB);
        }
        int credits = StudioApi.available("ada");
        Refusal refused = assertThrows(Refusal.class, () -> submitted(SMALL_JOB));
        assertEquals(ProblemType.RATE_LIMITED, refused.type());
        assertEquals(Duration.ofSeconds(10), refused.retryAfter());
        assertTrue(refused.getMessage().contains("3 generation jobs waiting or running"), refused.getMessage());
        assertEquals(credits, StudioApi.available("ada"), "nothing was charged");
        generations.cancel(jobs.getFirst(), Caller.of(null, Roles.ADMIN));
        submitted(SMALL_JOB);
    }

    @Test
    void aSecondVerificationWithinTheHourIsRefused() {
        workers.start(1);
        UUID job = submitted(SMALL_JOB);
        String artwork = awaitStatus("ada", job, "SUCCEEDED").getString("artworks[0]");
        clock.hold();
        given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/artworks/" + artwork + "/verify")
                .then()
                .statusCode(equalTo(202));
        assertRateLimited(
                given().header("Authorization", Tokens.bearer("ada")).post("/api/artworks/" + artwork + "/verify"),
                3600);
    }

    @Test
    void aSecondFaucetRequestWithinTheHourIsRefused() {
        clock.hold();
        given().header("Authorization", Tokens.bearer("bo"))
                .post("/api/me/wallet/faucet")
                .then()
                .statusCode(202);
        assertRateLimited(given().header("Authorization", Tokens.bearer("bo")).post("/api/me/wallet/faucet"), 3600);
    }

    @Test
    void aStreamOfAJobThatNeverEndsEndsAtItsDeadlineAndOpeningStreamsIsLimited() throws Exception {
        // no worker runs: the job stays queued for good
        UUID job = submitted(SMALL_JOB);
        clock.hold();
        long started = System.nanoTime();
        List<String> names = new ArrayList<>();
        try (StudioApi.EventStream stream = new StudioApi.EventStream("admin", job)) {
            assertEquals(200, stream.status());
            for (StudioApi.EventStream.Event event; (event = stream.next()) != null; ) {
                names.add(event.name());
            }
        }
        Duration open = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(List.of("queued"), names);
        assertTrue(open.compareTo(Duration.ofSeconds(2)) >= 0, "open for " + open);
        assertTrue(open.compareTo(Duration.ofSeconds(10)) < 0, "open for " + open);
        assertEquals("QUEUED", StudioApi.job("ada", job).getString("status"));

        // purchase streams share the bucket; a stream that was refused for another reason still took its token
        given().header("Authorization", Tokens.bearer("admin"))
                .accept("text/event-stream")
                .get("/api/purchases/" + UUID.randomUUID() + "/events")
                .then()
                .statusCode(404);
        assertRateLimited(
                given().header("Authorization", Tokens.bearer("admin"))
                        .accept("text/event-stream")
                        .get("/api/generations/" + job + "/events"),
                30);
        assertRateLimited(
                given().header("Authorization", Tokens.bearer("admin"))
                        .accept("text/event-stream")
                        .get("/api/purchases/" + UUID.randomUUID() + "/events"),
                30);
        // another user's bucket is full
        given().header("Authorization", Tokens.bearer("bo"))
                .accept("text/event-stream")
                .get("/api/purchases/" + UUID.randomUUID() + "/events")
                .then()
                .statusCode(404);
    }

    /** A job of ada's queued through the service, past the HTTP route and its limit. */
    private UUID submitted(Map<String, Object> body) {
        Caller ada = Caller.of(StudioApi.userId("ada"), Roles.CREATOR);
        GenerationSpec spec = new GenerationSpec(
                (String) body.get("prompt"),
                null,
                null,
                (Integer) body.get("steps"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        UUID job = generations.submit(ada, spec).id();
        jobs.add(job);
        return job;
    }

    private static void assertRateLimited(Response response, long retryAfterSeconds) {
        response.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", String.valueOf(retryAfterSeconds))
                .body("type", equalTo("urn:artmint:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("retryAfterSeconds", equalTo((int) retryAfterSeconds));
    }
}
