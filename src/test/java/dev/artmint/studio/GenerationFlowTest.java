package dev.artmint.studio;

import static dev.artmint.studio.StudioApi.awaitStatus;
import static dev.artmint.studio.StudioApi.queue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.diffusion.GeneratedImage;
import dev.artmint.diffusion.image.PngCodec;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.provenance.PixelDigest;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.storage.ObjectStore;
import dev.artmint.storage.StoredObject;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class GenerationFlowTest {

    @Inject
    WorkerPool workers;

    @Inject
    ObjectStore store;

    @AfterEach
    void stopWorkers() {
        workers.stop();
    }

    @Test
    void generationSeenThroughEventsThenStoredVerifiableArtworks() throws Exception {
        UUID jobId = queue(
                "ada",
                Map.of(
                        "prompt",
                        "a lighthouse at dusk",
                        "negativePrompt",
                        "blurry",
                        "seed",
                        7,
                        "steps",
                        6,
                        "count",
                        2));
        List<StudioApi.EventStream.Event> events = new ArrayList<>();
        try (StudioApi.EventStream stream = new StudioApi.EventStream("ada", jobId)) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            events.add(stream.next());
            // no worker runs yet, so the job is certainly still waiting
            workers.start(1);
            for (StudioApi.EventStream.Event event; (event = stream.next()) != null; ) {
                events.add(event);
            }
        }
        assertEquals("queued", events.getFirst().name());
        assertEquals(1, events.getFirst().data().getInt("position"));
        List<StudioApi.EventStream.Event> progress =
                events.stream().filter(event -> event.name().equals("progress")).toList();
        List<StudioApi.EventStream.Event> images = events.subList(1 + progress.size(), events.size() - 1);
        assertTrue(!progress.isEmpty(), "progress events: " + events);
        assertEquals(
                List.of("image", "image"),
                images.stream().map(StudioApi.EventStream.Event::name).toList(),
                "after the steps each image, then the end: " + events);
        int last = 0;
        for (StudioApi.EventStream.Event event : progress) {
            assertEquals("progress", event.name());
            assertTrue(event.data().getInt("step") > last, "steps increase: " + events);
            assertEquals(6, event.data().getInt("total"));
            last = event.data().getInt("step");
        }
        assertEquals(6, last);
        assertTrue(
                progress.stream()
                        .anyMatch(event -> event.data().getString("preview") != null
                                && event.data().getString("preview").startsWith("data:image/png;base64,")),
                "a progress event has a preview");
        StudioApi.EventStream.Event done = events.getLast();
        assertEquals("done", done.name());
        List<String> artworkIds = done.data().getList("artworks", String.class);
        assertEquals(2, artworkIds.size());
        assertEquals(
                artworkIds,
                images.stream().map(image -> image.data().getString("id")).toList());

        JsonPath job = StudioApi.job("ada", jobId);
        assertEquals("SUCCEEDED", job.getString("status"));
        assertEquals(artworkIds, job.getList("artworks", String.class));

        for (int index = 0; index < 2; index++) {
            assertStoredAndVerifiable(UUID.fromString(artworkIds.get(index)), index, jobId);
        }
    }

    private void assertStoredAndVerifiable(UUID artworkId, int index, UUID jobId) {
        Artwork row = QuarkusTransaction.requiringNew().call(() -> Artwork.findById(artworkId));
        assertEquals(jobId, row.jobId);
        assertEquals(index, row.imageIndex);
        assertEquals(7 + index, row.seed);
        assertEquals(StudioApi.userId("ada"), row.creatorId);

        byte[] png = given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + artworkId + "/image")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", equalTo("max-age=31536000, private, immutable"))
                .extract()
                .asByteArray();
        assertEquals(row.imageSha256, StoredObject.sha256(png));
        assertEquals("images/" + row.imageSha256 + ".png", row.imageKey);
        assertTrue(StoredObject.matchesKey(row.imageKey, store.get(row.imageKey)));
        assertTrue(StoredObject.matchesKey(row.thumbnailKey, store.get(row.thumbnailKey)));
        assertTrue(StoredObject.matchesKey(row.provenanceKey, store.get(row.provenanceKey)));

        Map<String, String> texts = PngCodec.readTexts(png);
        assertTrue(
                texts.get(GeneratedImage.PARAMETERS_KEY).startsWith("a lighthouse at dusk\nNegative prompt: blurry"),
                texts.get(GeneratedImage.PARAMETERS_KEY));
        assertTrue(texts.get(GeneratedImage.PARAMETERS_KEY).contains("Seed: " + (7 + index)));
        ProvenanceRecord record = ProvenanceRecord.parse(texts.get(ProvenanceRecord.PNG_KEYWORD));
        assertEquals(row.provenanceJson, record.canonicalJson());
        assertEquals(row.provenanceHash, record.hash());
        assertEquals(PixelDigest.sha256(PngCodec.read(png)), record.imageSha256());
        assertEquals("tiny", record.modelId());
        assertEquals(64, record.modelSha256().length());
        assertEquals(new String(store.get(row.provenanceKey), StandardCharsets.UTF_8), row.provenanceJson);

        byte[] thumbnail = given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + artworkId + "/thumbnail")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        assertEquals(64, PngCodec.read(thumbnail).getWidth());

        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + artworkId + "/provenance")
                .then()
                .statusCode(200)
                .body("hash", equalTo(row.provenanceHash))
                .body("canonicalJson", equalTo(row.provenanceJson))
                .body("record.seed", equalTo(7 + index))
                .body("tokenId", equalTo(record.tokenId().toString()));

        StudioApi.verify("ada", artworkId)
                .then()
                .statusCode(200)
                .body("verified", equalTo(true))
                .body("reproduced", equalTo(true))
                .body(
                        "checks.name",
                        hasItems(
                                "record-hash",
                                "provenance-object",
                                "image-object",
                                "parameters-chunk",
                                "embedded-record",
                                "image-sha256",
                                "reproduction"))
                .body("checks.outcome", everyItem(equalTo("PASSED")));
    }

    @Test
    void unpublishedArtworkIsTheCreatorsAloneAndHiddenOnlyTheAdmins() {
        workers.start(1);
        UUID jobId = queue("ada", Map.of("prompt", "a quiet garden", "steps", 2));
        String artwork = awaitStatus("ada", jobId, "SUCCEEDED").getString("artworks[0]");
        for (String path : List.of("", "/image", "/thumbnail", "/provenance")) {
            given().header("Authorization", Tokens.bearer("bo"))
                    .get("/api/artworks/" + artwork + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", Tokens.bearer("bo"))
                .post("/api/artworks/" + artwork + "/verify")
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/generations/" + jobId)
                .then()
                .statusCode(404);
        given().get("/api/artworks/" + artwork).then().statusCode(401);
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me/artworks")
                .then()
                .statusCode(200)
                .body("items.id", hasItems(artwork));

        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body("{\"hidden\":true}")
                .put("/api/admin/artworks/" + artwork + "/hidden")
                .then()
                .statusCode(403);
        given().header("Authorization", Tokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body("{\"hidden\":true}")
                .put("/api/admin/artworks/" + artwork + "/hidden")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + artwork)
                .then()
                .statusCode(200)
                .body("hidden", equalTo(false));
        given().header("Authorization", Tokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("hidden", true, "reason", "  a real person's likeness  "))
                .put("/api/admin/artworks/" + artwork + "/hidden")
                .then()
                .statusCode(200)
                .body("hidden", equalTo(true))
                .body("hiddenReason", equalTo("a real person's likeness"));
        given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/artworks/" + artwork)
                .then()
                .statusCode(200)
                .body("hiddenReason", equalTo("a real person's likeness"));
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + artwork)
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + artwork + "/image")
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/artworks/" + artwork + "/image")
                .then()
                .statusCode(200);
        given().header("Authorization", Tokens.bearer("ada"))
                .queryParam("size", 100)
                .get("/api/me/artworks")
                .then()
                .statusCode(200)
                .body("items.id", everyItem(org.hamcrest.Matchers.not(equalTo(artwork))));

        given().header("Authorization", Tokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body("{\"hidden\":false}")
                .put("/api/admin/artworks/" + artwork + "/hidden")
                .then()
                .statusCode(200)
                .body("hidden", equalTo(false))
                .body("hiddenReason", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + artwork)
                .then()
                .statusCode(200);
    }

    @Test
    void variationOfAnArtworkRecordsItsParent() {
        workers.start(1);
        UUID first = queue("ada", Map.of("prompt", "a red kite", "steps", 2, "seed", 3));
        String parent = awaitStatus("ada", first, "SUCCEEDED").getString("artworks[0]");
        given().header("Authorization", Tokens.bearer("bo"))
                .contentType(ContentType.JSON)
                .body(Map.of("prompt", "a red kite", "initArtworkId", parent))
                .post("/api/generations")
                .then()
                .statusCode(403);
        StudioApi.submit(
                        "ada", Map.of("prompt", "a red kite", "initArtworkId", parent, "model", "tiny-scalar-timestep"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("initArtworkId"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("no vae_encoder"));
        UUID variation =
                queue("ada", Map.of("prompt", "a red kite, oil", "steps", 4, "initArtworkId", parent, "strength", 0.5));
        String child = awaitStatus("ada", variation, "SUCCEEDED").getString("artworks[0]");
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + child)
                .then()
                .statusCode(200)
                .body("parentId", equalTo(parent));
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + child + "/provenance")
                .then()
                .statusCode(200)
                .body("record.parentArtworkId", equalTo(parent))
                .body("record.strength", equalTo(0.5f));
        StudioApi.verify("ada", child)
                .then()
                .statusCode(200)
                .body("verified", equalTo(true))
                .body("reproduced", equalTo(true));
    }

    @Test
    void verifyReportsTamperingAndWhyItCouldNotReproduce() {
        workers.start(1);
        UUID jobId = queue("ada", Map.of("prompt", "a paper boat", "steps", 2));
        UUID artworkId = UUID.fromString(awaitStatus("ada", jobId, "SUCCEEDED").getString("artworks[0]"));
        Artwork original = QuarkusTransaction.requiringNew().call(() -> Artwork.findById(artworkId));
        ProvenanceRecord honest = ProvenanceRecord.parse(original.provenanceJson);
        // a record rewritten to claim other model files, with a hash that matches the rewrite
        StudioApi.forgeRecord(artworkId, StudioApi.with(honest, "modelSha256", "0".repeat(64)));
        StudioApi.verify("ada", artworkId)
                .then()
                .statusCode(200)
                .body("verified", equalTo(false))
                .body("reproduced", equalTo(false))
                .body("checks.find { it.name == 'record-hash' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.name == 'provenance-object' }.outcome", equalTo("FAILED"))
                .body("checks.find { it.name == 'embedded-record' }.outcome", equalTo("FAILED"))
                .body("checks.find { it.name == 'image-sha256' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.name == 'reproduction' }.outcome", equalTo("SKIPPED"))
                .body(
                        "checks.find { it.name == 'reproduction' }.detail",
                        org.hamcrest.Matchers.containsString("not to the recorded " + "0".repeat(64)));
    }

    @Test
    void modelsAreListedWithDefaultsAndLimits() {
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/models")
                .then()
                .statusCode(200)
                .body("find { it.name == 'tiny' }.isDefault", equalTo(true))
                .body("find { it.name == 'tiny' }.defaults.steps", equalTo(6))
                .body("find { it.name == 'tiny' }.defaults.width", equalTo(64))
                .body("find { it.name == 'tiny' }.defaults.scheduler", equalTo("euler_a"))
                .body("find { it.name == 'tiny' }.limits.maxCount", equalTo(4))
                .body("find { it.name == 'tiny' }.sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("name", hasSize(4));
    }
}
