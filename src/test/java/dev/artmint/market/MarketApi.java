package dev.artmint.market;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.job.WorkerPool;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The marketplace's HTTP API as the tests call it, and the fixtures they share (artworks, funded wallets). */
public final class MarketApi {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private MarketApi() {}

    /** New unpublished artworks of ada's (1 to 4), made by a real worker with the tiny fixture model. */
    public static List<String> artworks(WorkerPool workers, int count) {
        String job = given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("prompt", "a market stall", "steps", 2, "width", 64, "height", 64, "count", count))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        workers.start(1);
        try {
            JsonPath done = await(
                    () -> given().header("Authorization", Tokens.bearer("ada"))
                            .get("/api/generations/" + job)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath(),
                    view -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(view.getString("status")),
                    Duration.ofSeconds(120));
            if (!"SUCCEEDED".equals(done.getString("status"))) {
                fail("the fixture generation did not succeed: " + done.prettify());
            }
            return done.getList("artworks", String.class);
        } finally {
            workers.stop();
        }
    }

    public static Response publish(String user, String artworkId, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/artworks/" + artworkId + "/publish");
    }

    public static void publish(String artworkId, int royaltyBps) {
        publish("ada", artworkId, Map.of("title", "Market stall", "licence", "PERSONAL", "royaltyBps", royaltyBps))
                .then()
                .statusCode(200);
    }

    public static Response list(String user, String artworkId, String priceWei) {
        return given().header("Authorization", Tokens.bearer(user))
                .contentType(ContentType.JSON)
                .body(Map.of("artworkId", artworkId, "priceWei", priceWei))
                .post("/api/listings");
    }

    public static Response buy(String user, String listingId) {
        return given().header("Authorization", Tokens.bearer(user)).post("/api/listings/" + listingId + "/purchase");
    }

    public static JsonPath purchase(String user, String purchaseId) {
        return given().header("Authorization", Tokens.bearer(user))
                .get("/api/purchases/" + purchaseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the purchase is final and answers it. */
    public static JsonPath awaitFinal(String user, String purchaseId) {
        return await(
                () -> purchase(user, purchaseId),
                view -> List.of("SETTLED", "FAILED").contains(view.getString("status")),
                WAIT);
    }

    public static String walletAddress(String user) {
        return given().header("Authorization", Tokens.bearer(user))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .extract()
                .<String>path("address")
                .toLowerCase();
    }

    public static BigInteger balance(String user) {
        return new BigInteger(given().header("Authorization", Tokens.bearer(user))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .extract()
                .<String>path("balanceWei"));
    }

    /** Funds the user's custodial wallet from the faucet and waits for the transfer to be confirmed. */
    public static void fund(Outbox outbox, String user) {
        UUID tx = UUID.fromString(given().header("Authorization", Tokens.bearer(user))
                .post("/api/me/wallet/faucet")
                .then()
                .statusCode(202)
                .extract()
                .path("id"));
        outbox.await(tx, sent -> sent.status == TxStatus.CONFIRMED, WAIT);
    }

    public static <T> T await(Supplier<T> read, Predicate<T> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T value = read.get();
            if (condition.test(value)) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("not reached in " + timeout + ": " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** A Server-Sent Event: its name and JSON data. */
    public record Event(String name, JsonPath data) {}

    /** Reads a purchase's event stream to its end. */
    public static List<Event> events(String user, String purchaseId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/purchases/" + purchaseId + "/events"))
                .header("Authorization", Tokens.bearer(user))
                .header("Accept", "text/event-stream")
                .timeout(WAIT)
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            fail("event stream answered " + response.statusCode());
        }
        List<Event> events = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, new JsonPath(data.toString())));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        }
        return events;
    }
}
