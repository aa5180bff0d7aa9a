package dev.artmint.studio;

import static dev.artmint.studio.StudioApi.available;
import static dev.artmint.studio.StudioApi.queue;
import static dev.artmint.studio.StudioApi.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.TestClock;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.credit.CreditAccount;
import dev.artmint.studio.job.GenerationJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests the studio must refuse, and credits; no worker runs here, so accepted jobs stay queued. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class GenerationRequestTest {

    @ConfigProperty(name = "artmint.studio.daily-credits")
    int dailyCredits;

    @Inject
    TestClock clock;

    @Test
    void acceptedJobAnswers202WithStatusAndQueuePosition() {
        int before = available("ada");
        var response = submit("ada", Map.of("prompt", "a blue door"));
        response.then()
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/generations/[0-9a-f-]{36}"))
                .body("status", equalTo("QUEUED"))
                .body("queuePosition", greaterThan(0))
                .body("model", equalTo("tiny"))
                .body("count", equalTo(1));
        UUID id = UUID.fromString(response.then().extract().path("id"));
        assertEquals(before - 1, available("ada"));
        cancel(id);
        assertEquals(before, available("ada"));
        StudioApi.job("ada", id);
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/generations/" + id)
                .then()
                .body("status", equalTo("CANCELLED"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "prompt||is required",
                "steps|0|between 1 and 100",
                "steps|101|between 1 and 100",
                "width|65|multiple of 8",
                "height|2048|multiple of 8",
                "count|5|between 1 and 4",
                "count|0|between 1 and 4",
                "guidance|31|between 0 and 30",
                "model|no-such-model|unknown model",
                "scheduler|warp-drive|unknown scheduler",
                "strength|0.5|only with initArtworkId"
            })
    void invalidFieldGets400NamingItAndChangesNothing(String field, String value, String message) {
        Map<String, Object> body = new HashMap<>(Map.of("prompt", "a cat"));
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value.matches("-?[0-9.]+") && !field.equals("model") ? Double.valueOf(value) : value);
        }
        assertRefused(body, field, message);
    }

    @Test
    void promptTooLongOrInitArtworkNotReadableGets400() {
        assertRefused(Map.of("prompt", "x".repeat(1001)), "prompt", "at most 1000");
        assertRefused(
                Map.of("prompt", "a cat", "initArtworkId", UUID.randomUUID().toString()),
                "initArtworkId",
                "that you may read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a GORE scene", "g o r e", "g.o.r.e in the rain", "ＧＯＲＥ", "be-head-ing", "血 腥的画面", "儿童，色情"})
    void blockedPromptGets422AndCostsNothing(String prompt) {
        int before = available("ada");
        long jobs = jobCount();
        submit("ada", Map.of("prompt", prompt))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:blocked-prompt"))
                .body("detail", containsString("blocked term"))
                .body("errors[0].field", equalTo("prompt"));
        assertEquals(before, available("ada"));
        assertEquals(jobs, jobCount());
    }

    @Test
    void blockedNegativePromptIsNamed() {
        submit("ada", Map.of("prompt", "a cat", "negativePrompt", "no g-o-r-e"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("negativePrompt"));
    }

    @Test
    void collectorsCannotGenerate() {
        submit("bo", Map.of("prompt", "a cat")).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void creditsRunOutRefillNextDayAndCanBeGranted() {
        // the service's day, held still: the test cannot straddle a UTC midnight
        LocalDate today = LocalDate.ofInstant(clock.hold(), ZoneOffset.UTC);
        try {
            spendRefillAndGrant(today);
        } finally {
            clock.release();
        }
    }

    private void spendRefillAndGrant(LocalDate today) {
        UUID ada = StudioApi.userId("ada");
        List<UUID> jobs = new ArrayList<>();
        try {
            while (available("ada") >= 4) {
                jobs.add(queue("ada", Map.of("prompt", "a lantern", "count", 4)));
            }
            int left = available("ada");
            submit("ada", Map.of("prompt", "a lantern", "count", 4))
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:artmint:problem:out-of-credits"))
                    .body("detail", containsString("refills at " + today.plusDays(1) + "T00:00:00Z"))
                    .header("Retry-After", Integer::parseInt, lessThanOrEqualTo(24 * 3600));
            assertEquals(left, available("ada"), "a refused request costs nothing");

            given().header("Authorization", Tokens.bearer("ada"))
                    .contentType(ContentType.JSON)
                    .body("{\"credits\":4}")
                    .post("/api/admin/users/" + ada + "/credits")
                    .then()
                    .statusCode(403);
            given().header("Authorization", Tokens.bearer("admin"))
                    .contentType(ContentType.JSON)
                    .body("{\"credits\":4}")
                    .post("/api/admin/users/" + ada + "/credits")
                    .then()
                    .statusCode(200)
                    .body("granted", equalTo(4));
            jobs.add(queue("ada", Map.of("prompt", "a lantern", "count", 4)));

            // the next UTC day: yesterday's use no longer counts
            QuarkusTransaction.requiringNew()
                    .run(() -> CreditAccount.update("day = ?1 where userId = ?2", today.minusDays(1), ada));
            given().header("Authorization", Tokens.bearer("ada"))
                    .get("/api/me/credits")
                    .then()
                    .statusCode(200)
                    .body("dailyLeft", equalTo(dailyCredits))
                    .body("available", equalTo(dailyCredits + left));
        } finally {
            jobs.forEach(GenerationRequestTest::cancel);
        }
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me/credits")
                .then()
                .body("dailyLeft", equalTo(dailyCredits));
    }

    private static void assertRefused(Map<String, Object> body, String field, String message) {
        int before = available("ada");
        long jobs = jobCount();
        submit("ada", body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:validation"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
        assertEquals(before, available("ada"));
        assertEquals(jobs, jobCount());
    }

    private static long jobCount() {
        return QuarkusTransaction.requiringNew().call(() -> GenerationJob.count());
    }

    private static void cancel(UUID id) {
        given().header("Authorization", Tokens.bearer("ada"))
                .delete("/api/generations/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }
}
