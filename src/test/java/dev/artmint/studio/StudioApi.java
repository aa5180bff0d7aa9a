package dev.artmint.studio;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import dev.artmint.platform.Tokens;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.studio.artwork.Artwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
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

/** The studio's HTTP API as the tests call it. */
public final class StudioApi {

    private StudioApi() {}

    public static Response submit(String user, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/generations");
    }

    /** Submits a small job that must be accepted and returns its id. */
    public static UUID queue(String user, Map<String, Object> body) {
        return UUID.fromString(
                submit(user, body).then().statusCode(202).extract().path("id"));
    }

    public static JsonPath job(String user, UUID id) {
        return given().header("Authorization", Tokens.bearer(user))
                .get("/api/generations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static JsonPath await(String user, UUID id, Predicate<JsonPath> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonPath job = job(user, id);
            if (condition.test(job)) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("job " + id + " did not reach the expected state in " + timeout + ": " + job.prettify());
            }
            sleep(100);
        }
    }

    public static JsonPath awaitStatus(String user, UUID id, String status) {
        return await(user, id, job -> status.equals(job.getString("status")), Duration.ofSeconds(60));
    }

    /** A copy of a record (a Java record) with one component changed, as a forger would write it. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component)
                        ? value
                        : components[i].getAccessor().invoke(record);
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record + " with " + component, e);
        }
    }

    /** Stores a forged record as the artwork's, with the hash of the forgery, as someone with database access could. */
    public static void forgeRecord(UUID artworkId, ProvenanceRecord forged) {
        QuarkusTransaction.requiringNew()
                .run(() -> Artwork.update(
                        "provenanceJson = ?1, provenanceHash = ?2 where id = ?3",
                        forged.canonicalJson(),
                        forged.hash(),
                        artworkId));
    }

    /**
     * Verifies the artwork as {@code user}: the answer of {@code POST .../verify} when it is complete (200), else, once
     * a worker has run the queued reproduction, the report of {@code GET .../verification}.
     */
    public static Response verify(String user, Object artworkId) {
        Response asked =
                given().header("Authorization", Tokens.bearer(user)).post("/api/artworks/" + artworkId + "/verify");
        if (asked.statusCode() != 202) {
            return asked;
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Response latest = given().header("Authorization", Tokens.bearer(user))
                    .get("/api/artworks/" + artworkId + "/verification");
            if (latest.statusCode() != 200 || !latest.asString().contains("\"QUEUED\"")) {
                return latest;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("the reproduction of " + artworkId + " did not run in time: " + latest.asString());
            }
            sleep(100);
        }
    }

    public static int available(String user) {
        return given().header("Authorization", Tokens.bearer(user))
                .get("/api/me/credits")
                .then()
                .statusCode(200)
                .extract()
                .path("available");
    }

    public static UUID userId(String user) {
        return UUID.fromString(given().header("Authorization", Tokens.bearer(user))
                .get("/api/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id"));
    }

    /** An open Server-Sent Events stream, read one event at a time. */
    public static final class EventStream implements AutoCloseable {

        public record Event(String name, String id, JsonPath data) {}

        private final BufferedReader reader;
        private final HttpResponse<java.io.InputStream> response;
        private String retry;

        public EventStream(String user, UUID jobId) {
            this(user, jobId, null);
        }

        /** A stream that resumes after the event with this id, as a reconnecting EventSource asks for it. */
        public EventStream(String user, UUID jobId, String lastEventId) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + RestAssured.port + "/api/generations/" + jobId + "/events"))
                        .header("Authorization", Tokens.bearer(user))
                        .header("Accept", "text/event-stream");
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        }

        public int status() {
            return response.statusCode();
        }

        public String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The reconnection delay the server asked for (its latest {@code retry:} field), or null. */
        public String retry() {
            return retry;
        }

        /** The next event, or null when the stream ended. */
        public Event next() throws IOException {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        return new Event(name, id, new JsonPath(data.toString()));
                    }
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("retry:")) {
                    retry = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            return null;
        }

        /** Every event until the stream ends. */
        public List<Event> rest() throws IOException {
            List<Event> events = new ArrayList<>();
            for (Event event; (event = next()) != null; ) {
                events.add(event);
            }
            return events;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
