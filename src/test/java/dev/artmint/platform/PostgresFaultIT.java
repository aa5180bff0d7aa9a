package dev.artmint.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.localstack.LocalStack;
import dev.artmint.market.MarketApi;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.job.GenerationJob;
import dev.artmint.studio.job.JobStatus;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped and started again under load (concurrent browse and API requests, a generation running): the
 * service, not restarted, answers 503 problem documents quickly meanwhile, serves again once the database is back (the
 * pool drops the connections the restart cut), and the job ends exactly once. Keycloak, which keeps its data in the
 * same server, still has its tokens verified and signs users in after. Fault profile only: it stops a part every test
 * shares, and starts it again before it ends.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class PostgresFaultIT {

    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final int CLIENTS = 4;

    @InjectLocalStack
    LocalStack stack;

    @Inject
    WorkerPool workers;

    @Test
    void theServiceRecoversFromADatabaseRestartWithoutOne() throws Exception {
        String issuedBefore = Tokens.of("bo");
        Tokens.of("ada");
        UUID job = UUID.fromString(given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("prompt", "a quarry at dusk", "steps", 100, "width", 128, "height", 128, "count", 2))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id"));
        OutageProbe probe = new OutageProbe(RestAssured.port);
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        workers.start(1);
        Instant down;
        Instant up;
        Instant serving;
        try {
            awaitJob(job, JobStatus.RUNNING);
            List<Future<?>> load = IntStream.range(0, CLIENTS)
                    .<Future<?>>mapToObj(client -> clients.submit(() -> {
                        while (loading.get()) {
                            probe.send("browse", () -> probe.get("/api/market/listings", null));
                            probe.send("me", () -> probe.get("/api/me", client % 2 == 0 ? "ada" : "bo"));
                            probe.send("job", () -> probe.get("/api/generations/" + job, "ada"));
                        }
                    }))
                    .toList();
            sleep(Duration.ofSeconds(1));
            down = Instant.now();
            stack.stopDatabase();
            try {
                sleep(OUTAGE);
            } finally {
                stack.startDatabase();
                up = Instant.now();
            }
            serving = awaitAllServed(probe, up);
            sleep(SETTLE);
            loading.set(false);
            for (Future<?> client : load) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            loading.set(false);
            clients.shutdownNow();
        }
        GenerationJob done;
        try {
            done = awaitJob(job, JobStatus.SUCCEEDED);
        } finally {
            workers.stop();
        }

        List<OutageProbe.Answer> answers = probe.answers();
        List<OutageProbe.Answer> outage = answers.stream()
                .filter(answer -> answer.at().isAfter(down) && answer.at().isBefore(up))
                .toList();
        List<OutageProbe.Answer> after =
                answers.stream().filter(answer -> answer.at().isAfter(serving)).toList();
        Duration slowestInOutage = outage.stream()
                .map(OutageProbe.Answer::latency)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        List<Artwork> made = QuarkusTransaction.requiringNew().call(() -> Artwork.ofJob(job));
        Instant signInBegin = Instant.now();
        int signedIn = signIn("admin");
        Duration signIn = Duration.between(signInBegin, Instant.now());
        System.out.printf(
                "PostgresFaultIT: database down %d ms (%d requests: %s, slowest %d ms); serving again %d ms after the"
                        + " start; after that %d requests: %s; job %s on attempt %d with %d artworks; sign-in after"
                        + " the restart answered %d in %d ms%n",
                Duration.between(down, up).toMillis(),
                outage.size(),
                OutageProbe.byStatus(outage),
                slowestInOutage.toMillis(),
                Duration.between(up, serving).toMillis(),
                after.size(),
                OutageProbe.byStatus(after),
                done.status,
                done.attempts,
                made.size(),
                signedIn,
                signIn.toMillis());

        assertTrue(outage.size() > 10, "the clients kept asking during the outage: " + outage.size());
        for (OutageProbe.Answer answer : outage) {
            assertTrue(
                    answer.status() == 503 && answer.isProblem() || answer.status() == 200,
                    answer + " during the outage");
        }
        assertTrue(outage.stream().anyMatch(answer -> answer.status() == 503), "the outage was seen");
        assertTrue(slowestInOutage.compareTo(Duration.ofSeconds(5)) < 0, "slowest answer " + slowestInOutage);
        assertTrue(after.size() > 10, "requests after recovery: " + after.size());
        assertEquals(
                List.of(),
                after.stream().filter(answer -> answer.status() != 200).toList(),
                "all served after");
        assertEquals(JobStatus.SUCCEEDED, done.status, done.error);
        assertEquals(
                List.of(0, 1),
                made.stream().map(artwork -> artwork.imageIndex).sorted().toList());
        given().header("Authorization", "Bearer " + issuedBefore)
                .get("/api/me")
                .then()
                .statusCode(200);
        assertEquals(200, signedIn, "Keycloak signs users in after the restart");
    }

    /** When, after the restart, every kind of request was answered 200 at least once. */
    private static Instant awaitAllServed(OutageProbe probe, Instant up) {
        Instant deadline = up.plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<OutageProbe.Answer> since = probe.answers().stream()
                    .filter(answer -> answer.at().isAfter(up))
                    .toList();
            List<String> served = since.stream()
                    .filter(answer -> answer.status() == 200)
                    .map(OutageProbe.Answer::request)
                    .distinct()
                    .toList();
            if (served.size() == 3) {
                return since.stream()
                        .filter(answer -> answer.status() != 200)
                        .map(OutageProbe.Answer::at)
                        .max(Instant::compareTo)
                        .orElse(up);
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("the service did not serve again within 60 s: " + probe.byStatus());
    }

    /** A password grant at Keycloak, retried for up to 60 s; answers its last status. */
    private static int signIn(String user) {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int status;
        do {
            status = given().formParam("grant_type", "password")
                    .formParam("client_id", "artmint-web")
                    .formParam("username", user)
                    .formParam("password", user)
                    .post(issuer + "/protocol/openid-connect/token")
                    .statusCode();
            if (status != 200) {
                sleep(Duration.ofMillis(500));
            }
        } while (status != 200 && Instant.now().isBefore(deadline));
        return status;
    }

    private static GenerationJob awaitJob(UUID job, JobStatus status) {
        return MarketApi.await(
                () -> QuarkusTransaction.requiringNew().call(() -> GenerationJob.<GenerationJob>findById(job)),
                view -> view.status == status || view.status.finished(),
                Duration.ofSeconds(120));
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
