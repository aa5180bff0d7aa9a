package dev.artmint.market;

import static dev.artmint.market.MarketApi.list;
import static dev.artmint.market.MarketApi.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishingTest {

    @Inject
    WorkerPool workers;

    @Inject
    PublishedEvents events;

    private List<String> artworks;

    /** Four artworks of ada's, made on first use (the HTTP client knows the application's port only in a test). */
    private synchronized List<String> artworks() {
        if (artworks == null) {
            artworks = MarketApi.artworks(workers, 4);
        }
        return artworks;
    }

    @Test
    void creatorPublishesAndEditsWithinOneTransactionWithTheEvent() {
        String artwork = artworks().get(0);
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/artworks/" + artwork)
                .then()
                .statusCode(404);

        publish(
                        "ada",
                        artwork,
                        Map.of(
                                "title",
                                "  Harbour at dusk ",
                                "description",
                                "oil-like",
                                "licence",
                                "COMMERCIAL",
                                "royaltyBps",
                                500))
                .then()
                .statusCode(200)
                .body("artworkId", equalTo(artwork))
                .body("published", equalTo(true))
                .body("title", equalTo("Harbour at dusk"))
                .body("description", equalTo("oil-like"))
                .body("licence", equalTo("COMMERCIAL"))
                .body("royaltyBps", equalTo(500))
                .body("publishedAt", notNullValue());
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/artworks/" + artwork)
                .then()
                .statusCode(200)
                .body("published", equalTo(true));
        String firstPublishedAt = given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Harbour at night"))
                .post("/api/artworks/" + artwork + "/publish")
                .then()
                .statusCode(200)
                .body("title", equalTo("Harbour at night"))
                .body("licence", equalTo("COMMERCIAL"))
                .body("royaltyBps", equalTo(500))
                .extract()
                .path("publishedAt");
        publish("ada", artwork, Map.of("title", "Harbour", "royaltyBps", 250))
                .then()
                .statusCode(200)
                .body("royaltyBps", equalTo(250))
                .body("publishedAt", equalTo(firstPublishedAt));

        List<PublishedEvents.Seen> seen = events.of(UUID.fromString(artwork));
        assertEquals(3, seen.size(), seen.toString());
        seen.forEach(event -> assertEquals(new PublishedEvents.Seen(UUID.fromString(artwork), true, true), event));
        assertEquals(
                3L,
                QuarkusTransaction.requiringNew()
                        .call(() -> Activity.count(
                                "artworkId = ?1 and kind = ?2", UUID.fromString(artwork), Activity.Kind.PUBLISHED)));
    }

    @Test
    void onlyTheCreatorPublishes() {
        String artwork = artworks().get(1);
        Map<String, Object> body = Map.of("title", "Not yours");
        publish("bo", artwork, body).then().statusCode(404).contentType("application/problem+json");
        publish("admin", artwork, body).then().statusCode(403).contentType("application/problem+json");
        publish("ada", artwork, body).then().statusCode(200);
        publish("bo", artwork, body)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:forbidden"));
        given().header("Authorization", Tokens.bearer("bo"))
                .post("/api/artworks/" + artwork + "/unpublish")
                .then()
                .statusCode(403);
        given().post("/api/artworks/" + artwork + "/unpublish").then().statusCode(401);
        publish("ada", UUID.randomUUID().toString(), body).then().statusCode(404);
    }

    @Test
    void invalidFieldsAreNamedAndChangeNothing() {
        String artwork = artworks().get(2);
        Map<String, Object> body =
                new HashMap<>(Map.of("title", "", "royaltyBps", 1001, "description", "x".repeat(5001)));
        publish("ada", artwork, body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:validation"))
                .body("errors.field", contains("description", "royaltyBps", "title"));
        publish("ada", artwork, Map.of("title", "t".repeat(121)))
                .then()
                .statusCode(400)
                .body("errors.field", contains("title"));
        publish("ada", artwork, Map.of("title", "ok", "licence", "EVERYTHING"))
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:artmint:problem:malformed-request"))
                .body("detail", containsString("licence"));
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + artwork)
                .then()
                .statusCode(200)
                .body("published", equalTo(false));
        assertEquals(0, events.of(UUID.fromString(artwork)).size());
    }

    @Test
    void hiddenArtworksCannotBePublished() {
        String artwork = artworks().get(3);
        hide(artwork, true);
        try {
            publish("ada", artwork, Map.of("title", "Hidden"))
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("hid"));
        } finally {
            hide(artwork, false);
        }
        publish("ada", artwork, Map.of("title", "Shown again")).then().statusCode(200);
    }

    @Test
    void unpublishWithdrawsTheListing() {
        List<String> more = MarketApi.artworks(workers, 1);
        String artwork = more.getFirst();
        MarketApi.publish(artwork, 100);
        String listing =
                list("ada", artwork, "1000").then().statusCode(201).extract().path("id");

        given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/artworks/" + artwork + "/unpublish")
                .then()
                .statusCode(200)
                .body("published", equalTo(false))
                .body("title", equalTo("Market stall"));
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/listings/" + listing)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("closedAt", notNullValue());
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/listings/" + listing)
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/artworks/" + artwork)
                .then()
                .statusCode(404);
        List<Activity.Kind> kinds = QuarkusTransaction.requiringNew()
                .call(() -> Activity.<Activity>list("artworkId = ?1 order by id", UUID.fromString(artwork)).stream()
                        .map(activity -> activity.kind)
                        .toList());
        assertEquals(
                List.of(
                        Activity.Kind.PUBLISHED,
                        Activity.Kind.LISTED,
                        Activity.Kind.WITHDRAWN,
                        Activity.Kind.UNPUBLISHED),
                kinds);
        // unpublishing again changes nothing; publishing again brings it back without a listing
        given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/artworks/" + artwork + "/unpublish")
                .then()
                .statusCode(200)
                .body("published", equalTo(false));
        MarketApi.publish(artwork, 100);
        list("ada", artwork, "2000").then().statusCode(201);
    }

    private static void hide(String artwork, boolean hidden) {
        given().header("Authorization", Tokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body(hidden ? Map.of("hidden", true, "reason", "a test of moderation") : Map.of("hidden", false))
                .put("/api/admin/artworks/" + artwork + "/hidden")
                .then()
                .statusCode(200);
    }
}
