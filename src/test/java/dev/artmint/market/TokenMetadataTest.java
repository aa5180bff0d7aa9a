package dev.artmint.market;

import static dev.artmint.market.TokenFixtures.confirmed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.chain.ChainIndexer;
import dev.artmint.chain.Outbox;
import dev.artmint.market.token.MintedTokens;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.storage.ObjectStore;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenMetadataTest {

    @Inject
    WorkerPool workers;

    @Inject
    Outbox outbox;

    @Inject
    ChainIndexer indexer;

    @Inject
    ObjectStore store;

    private final Deque<UUID> fresh = new ArrayDeque<>();

    /** One of ada's artworks no other test touched; rendered together on first use (RestAssured is set up by then). */
    private synchronized UUID fresh() {
        if (fresh.isEmpty()) {
            fresh.addAll(TokenFixtures.generate(workers, "ada", 2));
        }
        return fresh.pop();
    }

    @Test
    void aMintedTokenDescribesItsArtworkFromTheProvenanceAsStoredAtMint() {
        Artwork artwork = TokenFixtures.publish(fresh(), "Lanterns on the quay", 250);
        String path = "/api/tokens/" + artwork.tokenId;
        given().get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:not-found"));

        String txId = given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/artworks/" + artwork.id + "/mint")
                .then()
                .statusCode(202)
                .extract()
                .path("transaction.id");
        confirmed(outbox, UUID.fromString(txId));
        indexer.catchUp();

        Response response = given().get(path);
        response.then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", equalTo("public, max-age=60"));
        JsonPath json = response.jsonPath();
        ProvenanceRecord recipe = ProvenanceRecord.parse(artwork.provenanceJson);
        assertEquals("Lanterns on the quay", json.getString("name"));
        assertEquals("A harbour, by night, for Lanterns on the quay", json.getString("description"));
        assertEquals("http://localhost:8080/api/artworks/" + artwork.id + "/image", json.getString("image"));
        assertEquals("http://localhost:8080/artworks/" + artwork.id, json.getString("external_url"));
        Map<String, Object> traits = traits(json);
        assertEquals(
                List.of(
                        "Model",
                        "Seed",
                        "Steps",
                        "Scheduler",
                        "Guidance",
                        "Size",
                        "Licence",
                        "Royalty (bps)",
                        "Provenance hash"),
                List.copyOf(traits.keySet()));
        assertEquals("tiny", traits.get("Model"));
        assertEquals(recipe.modelId(), traits.get("Model"));
        assertEquals(recipe.seed(), ((Number) traits.get("Seed")).longValue());
        assertEquals(2, traits.get("Steps"));
        assertEquals(recipe.scheduler(), traits.get("Scheduler"));
        assertEquals(recipe.guidance(), ((Number) traits.get("Guidance")).doubleValue(), 1e-6);
        assertEquals("64x64", traits.get("Size"));
        assertEquals("COMMERCIAL", traits.get("Licence"));
        assertEquals(250, traits.get("Royalty (bps)"));
        assertEquals(artwork.provenanceHash, traits.get("Provenance hash"));
        assertEquals(recipe.hash(), traits.get("Provenance hash"));

        byte[] stored = store.get(MintedTokens.objectKey(artwork.tokenId));
        assertArrayEquals(stored, response.asByteArray(), "the document served is the one stored at mint");
        assertEquals(json.getMap("$"), new JsonPath(new String(stored, StandardCharsets.UTF_8)).getMap("$"));

        TokenFixtures.setHidden(artwork.id, true);
        given().get(path).then().statusCode(404).contentType("application/problem+json");
        TokenFixtures.setHidden(artwork.id, false);
        given().get(path).then().statusCode(200);

        // an unpublished artwork's token metadata is not served either
        setPublished(artwork.id, false);
        given().get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        setPublished(artwork.id, true);
        given().get(path).then().statusCode(200);
    }

    private static void setPublished(UUID artworkId, boolean published) {
        QuarkusTransaction.requiringNew()
                .run(() -> Artwork.update("published = ?1 where id = ?2", published, artworkId));
    }

    @Test
    void aPublishedButUnmintedArtworkHasNoTokenYet() {
        Artwork artwork = TokenFixtures.publish(fresh(), "Not yet a token", 100);
        given().get("/api/tokens/" + artwork.tokenId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("there is no token " + artwork.tokenId));
        given().get("/api/tokens/12345").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aTokenIdIsADecimalUint256() {
        for (String bad : List.of("0x1f", "abc", "1".repeat(79), "9".repeat(78))) {
            given().get("/api/tokens/" + bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:artmint:problem:validation"))
                    .body("errors[0].field", equalTo("tokenId"));
        }
    }

    private static Map<String, Object> traits(JsonPath json) {
        Map<String, Object> traits = new LinkedHashMap<>();
        for (Map<String, Object> attribute : json.<Map<String, Object>>getList("attributes")) {
            traits.put((String) attribute.get("trait_type"), attribute.get("value"));
        }
        return traits;
    }
}
