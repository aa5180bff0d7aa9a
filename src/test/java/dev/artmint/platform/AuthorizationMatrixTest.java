package dev.artmint.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.artmint.chain.Anvil;
import dev.artmint.chain.MintRequest;
import dev.artmint.chain.Minting;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.identity.Roles;
import dev.artmint.market.MarketFixtures;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.Licence;
import dev.artmint.studio.job.GenerationJob;
import dev.artmint.studio.job.Generations;
import dev.artmint.studio.job.JobStatus;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every API endpoint called as anonymous, as the owner of what it touches, as another user and as admin, with the
 * expected status in each cell. The endpoint list comes from the OpenAPI document: an endpoint without a row here, or a
 * row for an endpoint that is gone, fails the test.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Who makes the call. "owner" (ada) owns what the endpoint touches; "other" (bo) is another ordinary user. */
    enum Caller {
        ANONYMOUS(null),
        OWNER("ada"),
        OTHER("bo"),
        ADMIN("admin");

        private final String user;

        Caller(String user) {
            this.user = user;
        }

        RequestSpecification request() {
            RequestSpecification request = given();
            return user == null ? request : request.header("Authorization", Tokens.bearer(user));
        }
    }

    /**
     * One row: an endpoint as OpenAPI names it, the concrete path to call (made anew for each cell, so that a cell that
     * changes state does not decide the next one), the request's body, and each caller's status.
     */
    record Row(
            String method,
            String path,
            Supplier<String> target,
            Function<RequestSpecification, RequestSpecification> prepare,
            int anonymous,
            int owner,
            int other,
            int admin) {

        int expected(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> anonymous;
                case OWNER -> owner;
                case OTHER -> other;
                case ADMIN -> admin;
            };
        }

        String key() {
            return method + " " + path;
        }
    }

    private static final Function<RequestSpecification, RequestSpecification> NO_BODY = request -> request;
    private static final Map<String, Object> SMALL_JOB =
            Map.of("prompt", "a red circle", "steps", 2, "width", 64, "height", 64, "count", 1);

    @Inject
    WorkerPool workers;

    @Inject
    Generations generations;

    @Inject
    EntityManager entityManager;

    private String artwork;
    private String publishedArtwork;

    private final MarketFixtures market = new MarketFixtures();

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("GET", "/api/config", NO_BODY, 200, 200, 200, 200));
        rows.add(row("GET", "/api/me", NO_BODY, 401, 200, 200, 200));
        rows.add(row("PATCH", "/api/me", json("{\"bio\":\"matrix\"}"), 401, 200, 200, 200));
        rows.add(row("GET", "/api/admin/users", NO_BODY, 401, 403, 403, 200));
        rows.add(row("GET", "/api/admin/readiness", NO_BODY, 401, 403, 403, 200));
        rows.add(row("GET", "/api/me/wallet", NO_BODY, 401, 200, 200, 200));
        rows.add(row("GET", "/api/me/wallet/transactions", NO_BODY, 401, 200, 200, 200));
        rows.add(row("POST", "/api/me/wallet/siwe-nonce", NO_BODY, 401, 200, 200, 200));
        rows.add(row(
                "POST",
                "/api/me/wallet/links",
                json("{\"message\":\"not a SIWE message\",\"signature\":\"0x00\"}"),
                401,
                400,
                400,
                400));
        rows.add(row(
                "POST",
                "/api/me/wallet/withdrawals",
                json("{\"tokenId\":\"1\",\"to\":\"0x00000000000000000000000000000000000000a1\"}"),
                401,
                409,
                409,
                409));
        rows.add(row("POST", "/api/me/wallet/faucet", NO_BODY, 401, 202, 202, 202));

        rows.add(row("GET", "/api/models", NO_BODY, 401, 200, 200, 200));
        rows.add(row("GET", "/api/me/artworks", NO_BODY, 401, 200, 200, 200));
        rows.add(row("GET", "/api/me/credits", NO_BODY, 401, 200, 200, 200));
        rows.add(new Row(
                "POST",
                "/api/generations",
                () -> "/api/generations",
                request -> request.contentType(ContentType.JSON).body(SMALL_JOB),
                401,
                202,
                403,
                403));
        rows.add(new Row(
                "GET", "/api/generations/{id}", () -> "/api/generations/" + queuedJob(), NO_BODY, 401, 200, 404, 200));
        rows.add(new Row(
                "DELETE",
                "/api/generations/{id}",
                () -> "/api/generations/" + queuedJob(),
                NO_BODY,
                401,
                200,
                404,
                200));
        rows.add(new Row(
                "GET",
                "/api/generations/{id}/events",
                () -> "/api/generations/" + cancelledJob() + "/events",
                NO_BODY,
                401,
                200,
                404,
                200));
        for (String part : List.of("", "/provenance")) {
            rows.add(new Row(
                    "GET",
                    "/api/artworks/{id}" + part,
                    () -> "/api/artworks/" + artwork() + part,
                    NO_BODY,
                    401,
                    200,
                    404,
                    200));
        }
        rows.add(new Row(
                "POST",
                "/api/artworks/{id}/verify",
                () -> "/api/artworks/" + artwork() + "/verify",
                NO_BODY,
                401,
                202,
                404,
                202));
        // no worker runs here, so the reproduction the row above queued is still waiting: its report says so
        rows.add(new Row(
                "GET",
                "/api/artworks/{id}/verification",
                () -> "/api/artworks/" + artwork() + "/verification",
                NO_BODY,
                401,
                200,
                404,
                200));
        // market: public pages and images of a published artwork, likes
        rows.add(row("GET", "/api/market/listings", NO_BODY, 200, 200, 200, 200));
        rows.add(new Row(
                "GET",
                "/api/market/artworks/{id}",
                () -> "/api/market/artworks/" + publishedArtwork(),
                NO_BODY,
                200,
                200,
                200,
                200));
        rows.add(new Row("GET", "/api/creators/{handle}", () -> "/api/creators/ada", NO_BODY, 200, 200, 200, 200));
        for (String tab : List.of("/collected", "/activity")) {
            rows.add(new Row(
                    "GET",
                    "/api/creators/{handle}" + tab,
                    () -> "/api/creators/ada" + tab,
                    NO_BODY,
                    200,
                    200,
                    200,
                    200));
        }
        for (String part : List.of("/image", "/thumbnail")) {
            rows.add(new Row(
                    "GET",
                    "/api/artworks/{id}" + part,
                    () -> "/api/artworks/" + publishedArtwork() + part,
                    NO_BODY,
                    200,
                    200,
                    200,
                    200));
        }
        for (String method : List.of("POST", "DELETE")) {
            rows.add(new Row(
                    method,
                    "/api/artworks/{id}/like",
                    () -> "/api/artworks/" + publishedArtwork() + "/like",
                    NO_BODY,
                    401,
                    200,
                    200,
                    200));
        }
        rows.add(new Row(
                "POST",
                "/api/admin/users/{id}/credits",
                () -> "/api/admin/users/" + userId("bo") + "/credits",
                json("{\"credits\":1}"),
                401,
                403,
                403,
                200));
        rows.add(new Row(
                "PUT",
                "/api/admin/artworks/{id}/hidden",
                () -> "/api/admin/artworks/" + artwork() + "/hidden",
                json("{\"hidden\":false}"),
                401,
                403,
                403,
                200));
        // market: minting, token metadata, token transfers
        rows.add(new Row(
                "POST",
                "/api/artworks/{id}/mint",
                () -> "/api/artworks/" + publishedArtworks().get(0) + "/mint",
                json("{\"to\":\"custodial\"}"),
                401,
                202,
                403,
                403));
        rows.add(new Row(
                "GET",
                "/api/tokens/{tokenId}",
                () -> "/api/tokens/" + mintedArtworkToken(),
                NO_BODY,
                200,
                200,
                200,
                200));
        rows.add(new Row(
                "POST",
                "/api/tokens/{tokenId}/transfer",
                () -> "/api/tokens/" + tokenOfAda() + "/transfer",
                json("{\"to\":\"0x00000000000000000000000000000000000000a1\"}"),
                401,
                202,
                403,
                403));

        // market, sales: ada publishes and lists; bo sees published things but owns none of them; admin bought one
        rows.add(new Row(
                "POST",
                "/api/artworks/{id}/publish",
                () -> "/api/artworks/" + market.published() + "/publish",
                json("{\"title\":\"Matrix\"}"),
                401,
                200,
                403,
                403));
        rows.add(new Row(
                "POST",
                "/api/artworks/{id}/unpublish",
                () -> "/api/artworks/" + market.republished() + "/unpublish",
                NO_BODY,
                401,
                200,
                403,
                403));
        rows.add(new Row(
                "POST",
                "/api/listings",
                () -> "/api/listings",
                request -> request.contentType(ContentType.JSON)
                        .body(Map.of("artworkId", market.listable(), "priceWei", MarketFixtures.OUT_OF_REACH_WEI)),
                401,
                201,
                403,
                403));
        rows.add(new Row(
                "GET", "/api/listings/{id}", () -> "/api/listings/" + market.listing(), NO_BODY, 200, 200, 200, 200));
        rows.add(new Row(
                "PATCH",
                "/api/listings/{id}",
                () -> "/api/listings/" + market.listing(),
                json("{\"priceWei\":\"2000000000000000000000000\"}"),
                401,
                200,
                403,
                403));
        rows.add(new Row(
                "DELETE",
                "/api/listings/{id}",
                () -> "/api/listings/" + market.listing(),
                NO_BODY,
                401,
                204,
                403,
                403));
        // too dear for every wallet: bo and admin are refused for funds, ada for buying her own
        rows.add(new Row(
                "POST",
                "/api/listings/{id}/purchase",
                () -> "/api/listings/" + market.listing() + "/purchase",
                NO_BODY,
                401,
                409,
                402,
                402));
        rows.add(new Row(
                "GET",
                "/api/purchases/{id}",
                () -> "/api/purchases/" + market.purchase(),
                NO_BODY,
                401,
                200,
                404,
                200));
        rows.add(new Row(
                "GET",
                "/api/purchases/{id}/events",
                () -> "/api/purchases/" + market.purchase() + "/events",
                NO_BODY,
                401,
                200,
                404,
                200));
        return rows;
    }

    @Test
    void everyDocumentedEndpointHasARowAndEveryRowAnEndpoint() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/")) {
                operations.keySet().stream()
                        .filter(method ->
                                Set.of("get", "post", "put", "patch", "delete").contains(method))
                        .forEach(method -> documented.add(method.toUpperCase() + " " + path));
            }
        });
        Set<String> covered = new TreeSet<>(rows().stream().map(Row::key).toList());
        assertEquals(documented, covered, "the matrix must have exactly one row per documented API endpoint");
    }

    @TestFactory
    Stream<DynamicTest> eachCallerGetsTheExpectedStatus() {
        return rows().stream()
                .flatMap(row -> Stream.of(Caller.values())
                        .map(caller -> DynamicTest.dynamicTest(row.key() + " as " + caller, () -> {
                            int status = row.prepare()
                                    .apply(caller.request())
                                    .request(row.method(), row.target().get())
                                    .then()
                                    .extract()
                                    .statusCode();
                            assertEquals(row.expected(caller), status, row.key() + " as " + caller);
                        })));
    }

    /** Leaves no job waiting in the queue for the test classes that follow. */
    @AfterAll
    void cancelLeftoverJobs() {
        workers.stop();
        // the HTTP client is no longer pointed at the application here, so cancel through the service
        List<UUID> waiting = QuarkusTransaction.requiringNew()
                .call(() -> GenerationJob.<GenerationJob>list("status", JobStatus.QUEUED).stream()
                        .map(job -> job.id)
                        .toList());
        waiting.forEach(job -> generations.cancel(job, dev.artmint.identity.Caller.of(null, Roles.ADMIN)));
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("delete from verification where status <> 'DONE'")
                        .executeUpdate());
    }

    private static Row row(
            String method,
            String path,
            Function<RequestSpecification, RequestSpecification> prepare,
            int anonymous,
            int owner,
            int other,
            int admin) {
        return new Row(method, path, () -> path, prepare, anonymous, owner, other, admin);
    }

    private static Function<RequestSpecification, RequestSpecification> json(String body) {
        return request -> request.contentType(ContentType.JSON).body(body);
    }

    /** A new job of ada's, waiting in the queue (no worker runs in tests unless one is started). */
    private String queuedJob() {
        String id = given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(SMALL_JOB)
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        return id;
    }

    /** A job of ada's that ended (cancelled), so its event stream closes after the last event. */
    private String cancelledJob() {
        String id = queuedJob();
        given().header("Authorization", Tokens.bearer("ada"))
                .delete("/api/generations/" + id)
                .then()
                .statusCode(200);
        return id;
    }

    /** An unpublished artwork of ada's, made once by a real worker. */
    private synchronized String artwork() {
        if (artwork == null) {
            String job = queuedJob();
            workers.start(1);
            try {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
                while (artwork == null) {
                    var view = given().header("Authorization", Tokens.bearer("ada"))
                            .get("/api/generations/" + job)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    if ("SUCCEEDED".equals(view.getString("status"))) {
                        artwork = view.getString("artworks[0]");
                    } else if (Instant.now().isAfter(deadline)
                            || List.of("FAILED", "CANCELLED").contains(view.getString("status"))) {
                        fail("the fixture generation did not succeed: " + view.prettify());
                    }
                }
            } finally {
                workers.stop();
            }
        }
        return artwork;
    }

    // --- market fixtures: two of ada's artworks published (the second one minted), a token in ada's funded wallet ---
    @Inject
    Minting minting;

    @Inject
    Outbox outbox;

    private List<String> publishedArtworks;
    private String tokenOfAda;

    private synchronized List<String> publishedArtworks() {
        if (publishedArtworks == null) {
            String job = given().header("Authorization", Tokens.bearer("ada"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("prompt", "a red square", "steps", 2, "width", 64, "height", 64, "count", 2))
                    .post("/api/generations")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            workers.start(1);
            try {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
                while (publishedArtworks == null) {
                    var view = given().header("Authorization", Tokens.bearer("ada"))
                            .get("/api/generations/" + job)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    if ("SUCCEEDED".equals(view.getString("status"))) {
                        publishedArtworks = view.getList("artworks", String.class);
                    } else if (Instant.now().isAfter(deadline)
                            || List.of("FAILED", "CANCELLED").contains(view.getString("status"))) {
                        fail("the fixture generation did not succeed: " + view.prettify());
                    }
                }
            } finally {
                workers.stop();
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> publishedArtworks.forEach(id -> {
                        Artwork artwork = Artwork.findById(UUID.fromString(id));
                        artwork.published = true;
                        artwork.title = "Matrix " + id;
                        artwork.licence = Licence.PERSONAL;
                        artwork.royaltyBps = 500;
                        artwork.publishedAt = Instant.now();
                    }));
        }
        return publishedArtworks;
    }

    private String mintedArtworkToken() {
        Artwork artwork = QuarkusTransaction.requiringNew()
                .call(() -> Artwork.findById(UUID.fromString(publishedArtworks().get(1))));
        String wallet = adaWallet();
        outbox.await(
                minting.mint(new MintRequest(wallet, artwork.provenanceHash, wallet, artwork.royaltyBps)).id,
                tx -> tx.status == TxStatus.CONFIRMED,
                Duration.ofSeconds(60));
        return artwork.tokenId.toString();
    }

    private synchronized String tokenOfAda() {
        if (tokenOfAda == null) {
            String wallet = adaWallet();
            String funding = given().header("Authorization", Tokens.bearer("ada"))
                    .post("/api/me/wallet/faucet")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            MintRequest request = new MintRequest(wallet, Anvil.randomHash(), wallet, 0);
            for (UUID tx : List.of(UUID.fromString(funding), minting.mint(request).id)) {
                outbox.await(tx, sent -> sent.status == TxStatus.CONFIRMED, Duration.ofSeconds(60));
            }
            tokenOfAda = request.tokenId().toString();
        }
        return tokenOfAda;
    }

    private static String adaWallet() {
        return given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .extract()
                .path("address");
    }

    /** A published copy of {@link #artwork()} (same image objects, its own token id), as publishing would leave it. */
    private synchronized String publishedArtwork() {
        if (publishedArtwork == null) {
            UUID source = UUID.fromString(artwork());
            publishedArtwork = QuarkusTransaction.requiringNew().call(() -> {
                UUID id = UUID.randomUUID();
                entityManager
                        .createNativeQuery("""
                        insert into artwork (id, job_id, image_index, creator_id, model, seed, width, height, image_key,
                            image_sha256, thumbnail_key, provenance_key, provenance_hash, provenance_json,
                                token_id, published,
                            title, licence, royalty_bps, published_at, created_at)
                        select ?1, job_id, image_index + 1000, creator_id, model, seed, width, height, image_key,
                            image_sha256,
                            thumbnail_key, provenance_key, provenance_hash, provenance_json, token_id + 1, true,
                            'Matrix', 'PERSONAL', 0, now(), created_at
                        from artwork where id = ?2""")
                        .setParameter(1, id)
                        .setParameter(2, source)
                        .executeUpdate();
                return id.toString();
            });
        }
        return publishedArtwork;
    }

    private static String userId(String user) {
        return given().header("Authorization", Tokens.bearer(user))
                .get("/api/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }
}
