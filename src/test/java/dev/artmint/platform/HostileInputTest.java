package dev.artmint.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.artmint.localstack.LocalStack;
import dev.artmint.market.MarketApi;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile values at each kind of input: control characters in a path, a query and a body, over-long URIs and headers,
 * out-of-range numbers, scheduler steps no scheduler can take, and an object store that is down. Each is a 4xx or a 503
 * problem document naming what is wrong.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class HostileInputTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    WorkerPool workers;

    @Test
    void aNulInAPathParameterIsRefusedNamingTheParameter() {
        invalid(raw().get("/api/creators/a%00b").then(), "handle").body("errors[0].message", containsString("U+0000"));
        invalid(
                raw().header("Authorization", Tokens.bearer("ada"))
                        .get("/api/listings/%01")
                        .then(),
                "id");
    }

    @Test
    void aControlCharacterInAQueryValueIsRefusedNamingTheParameter() {
        invalid(raw().get("/api/market/listings?q=a%00b").then(), "q");
        invalid(raw().get("/api/market/listings?creator=%1B%5B31m").then(), "creator");
        invalid(raw().get("/api/market/listings?sort=%C2%85").then(), "sort");
        given().queryParam("q", "tab\tin a search")
                .get("/api/market/listings")
                .then()
                .statusCode(400);
    }

    @Test
    void aControlCharacterInABodyFieldIsRefusedNamingTheField() {
        invalid(patchMe("{\"bio\":\"a\\u0000b\"}"), "bio");
        invalid(patchMe("{\"bio\":\"bell\\u0007\"}"), "bio");
        patchMe("{\"bio\":\"two\\nlines\\tand a tab\"}").statusCode(200).body("bio", equalTo("two\nlines\tand a tab"));
        invalid(
                given().header("Authorization", Tokens.bearer("ada"))
                        .contentType(ContentType.JSON)
                        .body("{\"prompt\":\"a red \\u0000 circle\",\"steps\":2,\"width\":64,\"height\":64}")
                        .post("/api/generations")
                        .then(),
                "prompt");
        // a title is one line: a line feed is refused where a prompt, a bio or a description may hold one
        String nowhere = "/api/artworks/" + UUID.randomUUID() + "/publish";
        invalid(
                given().header("Authorization", Tokens.bearer("ada"))
                        .contentType(ContentType.JSON)
                        .body("{\"title\":\"two\\nlines\",\"description\":\"may\\nhave lines\"}")
                        .post(nowhere)
                        .then(),
                "title");
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"one line\",\"description\":\"may\\nhave lines\"}")
                .post(nowhere)
                .then()
                .statusCode(404);
    }

    @Test
    void aNineKilobyteQueryGets414AsAProblemDocument() {
        given().get("/api/market/listings?q=" + "a".repeat(9 * 1024))
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:uri-too-long"))
                .body("instance", equalTo("/api/market/listings"));
        given().get("/api/config?padding=" + "a".repeat(7 * 1024)).then().statusCode(200);
    }

    @Test
    void oversizedHeadersGet431AsAProblemDocument() {
        given().header("X-Padding", "p".repeat(20 * 1024))
                .get("/api/config")
                .then()
                .statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:headers-too-large"));
        given().header("X-Padding", "p".repeat(8 * 1024))
                .get("/api/config")
                .then()
                .statusCode(200);
    }

    @Test
    void outOfRangeNumbersAreRefused() {
        String twoTo256 = BigInteger.TWO.pow(256).toString();
        given().get("/api/tokens/" + twoTo256)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("tokenId"));
        given().get("/api/tokens/" + BigInteger.TWO.pow(256).subtract(BigInteger.ONE))
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "artworkId",
                        UUID.randomUUID().toString(),
                        "priceWei",
                        BigInteger.TWO.pow(96).toString()))
                .post("/api/listings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("priceWei"));
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body("{\"prompt\":\"a red circle\",\"count\":" + twoTo256 + "}")
                .post("/api/generations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body("{\"to\":\"0x00000000000000000000000000000000000000a1\",\"tokenId\":\"" + twoTo256 + "\"}")
                .post("/api/me/wallet/withdrawals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("tokenId"));
    }

    @Test
    void anLcmRequestWithMoreStepsThanItsScheduleIsRefusedUpFront() {
        // the tiny model's schedule has LCM's default 50 original inference steps; the studio allows 100
        invalid(
                        given().header("Authorization", Tokens.bearer("ada"))
                                .contentType(ContentType.JSON)
                                .body(Map.of(
                                        "prompt", "a red circle",
                                        "scheduler", "lcm",
                                        "steps", 51,
                                        "width", 64,
                                        "height", 64))
                                .post("/api/generations")
                                .then(),
                        "steps")
                .body("errors[0].message", containsString("at most 50"));
    }

    @Test
    void anObjectStoreOutageAnswers503AsAProblemDocument() {
        String artwork = MarketApi.artworks(workers, 1).getFirst();
        MarketApi.publish(artwork, 0);
        given().get("/api/artworks/" + artwork + "/image").then().statusCode(200);
        stack.stopObjectStore();
        try {
            given().get("/api/artworks/" + artwork + "/image")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:artmint:problem:service-unavailable"))
                    .body("detail", containsString("object store"));
        } finally {
            stack.startObjectStore();
        }
        // the following tests find the store as they expect it
        Instant deadline = Instant.now().plusSeconds(30);
        while (given().get("/api/artworks/" + artwork + "/image").statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the object store did not come back within 30 s");
            }
        }
    }

    /** A request whose URL goes out exactly as written, percent escapes included. */
    private static RequestSpecification raw() {
        return given().urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()));
    }

    private static ValidatableResponse patchMe(String body) {
        return given().header("Authorization", Tokens.bearer("bo"))
                .contentType(ContentType.JSON)
                .body(body)
                .patch("/api/me")
                .then();
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:validation"))
                .body("errors[0].field", equalTo(field));
    }
}
