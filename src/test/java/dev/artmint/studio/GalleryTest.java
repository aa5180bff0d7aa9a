package dev.artmint.studio;

import static dev.artmint.studio.StudioApi.awaitStatus;
import static dev.artmint.studio.StudioApi.queue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.GalleryIndex;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The creator's gallery: search by prompt, title and description in English and Chinese, keyset pages, recipes. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GalleryTest {

    private static final String RED_CIRCLE = "a red circle over a blue sea";
    private static final String GREEN_SQUARE = "a green square";
    private static final String CHINESE = "夕阳下蓝色大海上方的红色圆形";

    @Inject
    WorkerPool workers;

    @Inject
    GalleryIndex index;

    @Inject
    EntityManager entityManager;

    private String redCircle;
    private String greenSquare;
    private String chinese;
    private List<String> quokkas;
    private String bosRedCircle;

    /** Made once, on the first test's demand (RestAssured knows the application's port only within a test). */
    @BeforeEach
    synchronized void generate() {
        if (redCircle != null) {
            return;
        }
        workers.start(1);
        UUID red = queue(
                "ada",
                Map.of(
                        "prompt",
                        RED_CIRCLE,
                        "negativePrompt",
                        "blurry",
                        "steps",
                        2,
                        "guidance",
                        6.5,
                        "scheduler",
                        "ddim"));
        UUID green = queue("ada", Map.of("prompt", GREEN_SQUARE, "steps", 2));
        UUID zh = queue("ada", Map.of("prompt", CHINESE, "steps", 2));
        UUID fourQuokkas = queue("ada", Map.of("prompt", "a quokka on a skateboard", "steps", 2, "count", 4));
        UUID oneQuokka = queue("ada", Map.of("prompt", "quokka portrait", "steps", 2));
        redCircle = awaitStatus("ada", red, "SUCCEEDED").getString("artworks[0]");
        greenSquare = awaitStatus("ada", green, "SUCCEEDED").getString("artworks[0]");
        chinese = awaitStatus("ada", zh, "SUCCEEDED").getString("artworks[0]");
        quokkas = new ArrayList<>(awaitStatus("ada", fourQuokkas, "SUCCEEDED").getList("artworks", String.class));
        quokkas.add(awaitStatus("ada", oneQuokka, "SUCCEEDED").getString("artworks[0]"));
        workers.stop();
        bosRedCircle = copyFor("bo", UUID.fromString(redCircle));
    }

    @AfterAll
    void stopWorkers() {
        workers.stop();
    }

    @Test
    void englishQueryNeedsEveryTermOfThePrompt() {
        List<JsonPath> found = items(gallery("ada", Map.of("q", "red circle", "size", 100)));
        List<String> ids = found.stream().map(item -> item.getString("id")).toList();
        assertTrue(ids.contains(redCircle), ids.toString());
        assertFalse(ids.contains(greenSquare), ids.toString());
        assertFalse(ids.contains(bosRedCircle), "another creator's artwork: " + ids);
        for (JsonPath item : found) {
            String prompt = item.getString("prompt").toLowerCase();
            assertTrue(prompt.contains("red") && prompt.contains("circle"), prompt);
        }
        assertTrue(ids(gallery("ada", Map.of("q", "circles"))).contains(redCircle), "stemmed like the market's search");
        assertFalse(
                ids(gallery("ada", Map.of("q", "red square", "size", 100))).contains(greenSquare),
                "every term must match");
        assertEquals(List.of(), ids(gallery("ada", Map.of("q", "the of"))), "a query of stop words finds nothing");
        assertFalse(
                ids(gallery("ada", Map.of("q", "blurry", "size", 100))).contains(redCircle),
                "the negative prompt is not searched");
    }

    @Test
    void chineseQueriesFindByBigrams() {
        for (String q : List.of("红色", "圆形", "红色圆形", "蓝色大海", "夕阳")) {
            List<String> ids = ids(gallery("ada", Map.of("q", q, "size", 100)));
            assertTrue(ids.contains(chinese), q + ": " + ids);
            assertFalse(ids.contains(redCircle), q + ": " + ids);
        }
        assertFalse(ids(gallery("ada", Map.of("q", "绿色", "size", 100))).contains(chinese));
    }

    @Test
    void anotherCreatorsArtworksNeverAppear() {
        List<String> bos = ids(gallery("bo", Map.of("q", "red circle", "size", 100)));
        assertTrue(bos.contains(bosRedCircle), "bo's copy, indexed by the backfill: " + bos);
        assertFalse(bos.contains(redCircle), bos.toString());
        List<String> adas = new ArrayList<>();
        walk("ada", Map.of(), 50, page -> adas.addAll(ids(page)));
        assertFalse(adas.contains(bosRedCircle));
        assertTrue(adas.containsAll(List.of(redCircle, greenSquare, chinese)));
    }

    @Test
    void cursorPagesWalkEveryMatchNewestFirstWithoutRepeats() {
        List<String> expected = QuarkusTransaction.requiringNew()
                .call(() -> Artwork.<Artwork>list(
                                "id in ?1 order by createdAt desc, id desc",
                                quokkas.stream().map(UUID::fromString).toList())
                        .stream()
                        .map(artwork -> artwork.id.toString())
                        .toList());
        List<String> walked = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        walk("ada", Map.of("q", "quokka"), 2, page -> {
            sizes.add(page.getList("items").size());
            assertEquals(5, page.getInt("total"));
            walked.addAll(ids(page));
        });
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(expected, walked);
        assertEquals(5, new HashSet<>(walked).size());

        // the whole gallery by cursor is the whole gallery by page number
        List<String> byCursor = new ArrayList<>();
        walk("ada", Map.of(), 3, page -> byCursor.addAll(ids(page)));
        List<String> byPage = new ArrayList<>();
        JsonPath first = gallery("ada", Map.of("size", 100));
        for (int page = 0; page * 100 < first.getInt("total"); page++) {
            byPage.addAll(ids(gallery("ada", Map.of("size", 100, "page", page))));
        }
        assertEquals(first.getInt("total"), byPage.size());
        assertEquals(byPage, byCursor);
        assertEquals(new HashSet<>(byCursor).size(), byCursor.size());
        assertEquals(byPage.subList(2, 4), ids(gallery("ada", Map.of("page", 1, "size", 2))));

        given().header("Authorization", Tokens.bearer("ada"))
                .queryParam("cursor", "bm90IGEgY3Vyc29y")
                .get("/api/me/artworks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
        String cursor = gallery("ada", Map.of("size", 1)).getString("nextCursor");
        given().header("Authorization", Tokens.bearer("ada"))
                .queryParam("cursor", cursor)
                .queryParam("page", 2)
                .get("/api/me/artworks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void itemsCarryTheirRecipeAndPublicationAndTitlesAreSearchedOncePublished() {
        JsonPath red = item(gallery("ada", Map.of("q", "red circle", "size", 100)), redCircle);
        assertEquals(RED_CIRCLE, red.getString("prompt"));
        assertEquals("blurry", red.getString("negativePrompt"));
        assertEquals(2, red.getInt("steps"));
        assertEquals(6.5, red.getDouble("guidance"), 1e-9);
        assertEquals("ddim", red.getString("scheduler"));
        assertEquals("tiny", red.getString("model"));
        assertTrue(red.getString("modelSha256").matches("[0-9a-f]{64}"));
        Artwork row = QuarkusTransaction.requiringNew().call(() -> Artwork.findById(UUID.fromString(redCircle)));
        assertEquals(row.tokenId.toString(), red.getString("tokenId"));
        assertFalse(red.getBoolean("minted"));
        assertFalse(red.getBoolean("published"));
        assertNull(red.getString("title"));
        assertNull(red.getString("licence"));

        assertEquals(List.of(), ids(gallery("ada", Map.of("q", "emerald tile"))));
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Emerald tile",
                        "description",
                        "quiet geometry 安静",
                        "licence",
                        "COMMERCIAL",
                        "royaltyBps",
                        250))
                .post("/api/artworks/" + greenSquare + "/publish")
                .then()
                .statusCode(200);
        for (String q : List.of("emerald tile", "geometry", "安静", "green square")) {
            assertEquals(List.of(greenSquare), ids(gallery("ada", Map.of("q", q))), q);
        }
        JsonPath green = item(gallery("ada", Map.of("q", "emerald")), greenSquare);
        assertEquals("Emerald tile", green.getString("title"));
        assertEquals("quiet geometry 安静", green.getString("description"));
        assertEquals("COMMERCIAL", green.getString("licence"));
        assertEquals(250, green.getInt("royaltyBps"));
        assertTrue(green.getBoolean("published"));

        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me/wallet")
                .then()
                .statusCode(200);
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body("{\"to\":\"custodial\"}")
                .post("/api/artworks/" + greenSquare + "/mint")
                .then()
                .statusCode(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!item(gallery("ada", Map.of("q", "emerald")), greenSquare).getBoolean("minted")) {
            assertTrue(Instant.now().isBefore(deadline), "the minted token was not indexed in time");
            StudioApi.sleep(200);
        }
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + greenSquare)
                .then()
                .statusCode(200)
                .body("minted", equalTo(true))
                .body("title", equalTo("Emerald tile"));
    }

    /**
     * A copy of an artwork (same objects and recipe, its own token id) made another user's, as an older row would be.
     */
    private String copyFor(String user, UUID source) {
        UUID owner = StudioApi.userId(user);
        String id = QuarkusTransaction.requiringNew().call(() -> {
            UUID copy = UUID.randomUUID();
            entityManager
                    .createNativeQuery("""
                    insert into artwork (id, job_id, image_index, creator_id, model, seed, width, height, image_key,
                        image_sha256, thumbnail_key, provenance_key, provenance_hash, provenance_json, token_id,
                            created_at)
                    select ?1, job_id, image_index + 1000, ?2, model, seed, width, height, image_key, image_sha256,
                        thumbnail_key, provenance_key, provenance_hash, provenance_json, token_id + 7, created_at
                    from artwork where id = ?3""")
                    .setParameter(1, copy)
                    .setParameter(2, owner)
                    .setParameter(3, source)
                    .executeUpdate();
            return copy.toString();
        });
        assertTrue(index.backfill() >= 1, "the copy was missing from the index and is indexed now");
        return id;
    }

    private static JsonPath gallery(String user, Map<String, ?> parameters) {
        return given().header("Authorization", Tokens.bearer(user))
                .queryParams(parameters)
                .get("/api/me/artworks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Every page from the first, following nextCursor, until it is null. */
    private static void walk(String user, Map<String, ?> parameters, int size, Consumer<JsonPath> page) {
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            Map<String, Object> query = new HashMap<>(parameters);
            query.put("size", size);
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath found = gallery(user, query);
            page.accept(found);
            cursor = found.getString("nextCursor");
            if (cursor == null) {
                return;
            }
        }
        throw new AssertionError("the cursor never ended");
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.id", String.class);
    }

    private static List<JsonPath> items(JsonPath page) {
        List<JsonPath> items = new ArrayList<>();
        for (int i = 0; i < page.getList("items").size(); i++) {
            items.add(new JsonPath(page.prettify()).setRootPath("items[" + i + "]"));
        }
        return items;
    }

    private static JsonPath item(JsonPath page, String id) {
        return items(page).stream()
                .filter(item -> item.getString("id").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not on the page: " + ids(page)));
    }
}
