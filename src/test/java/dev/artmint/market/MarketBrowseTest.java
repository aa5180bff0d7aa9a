package dev.artmint.market;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.identity.User;
import dev.artmint.market.browse.SearchIndex;
import dev.artmint.market.listing.Listing;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.studio.artwork.Artwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketBrowseTest {

    private static final String ENGLISH = "a red circle above a blue sea at sunset";
    private static final String CHINESE = "夕阳下蓝色大海上方的红色圆形,水彩";
    private static final int LISTED = 23;

    @Inject
    EntityManager entityManager;

    @Inject
    SearchIndex searchIndex;

    /** One listed artwork as the test made it. */
    record Made(
            UUID listingId,
            UUID artworkId,
            BigInteger price,
            Instant listedAt,
            int likes,
            String model,
            boolean minted) {}

    private User creator;
    private final List<Made> made = new ArrayList<>();
    private UUID englishArtwork;
    private UUID chineseArtwork;

    @BeforeAll
    void listArtworks() {
        creator = BrowseFixtures.creator("browse");
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        for (int i = 0; i < LISTED; i++) {
            String prompt = i == 0 ? ENGLISH : i == 1 ? CHINESE : "still life number " + i;
            String model = i % 3 == 0 ? "other-model" : "tiny";
            // prices, listing times and likes repeat, so the id decides between equal keys
            BigInteger price = BigInteger.TEN.pow(15).multiply(BigInteger.valueOf(1 + i % 7));
            Instant listedAt = base.plusSeconds(i / 2 * 10L);
            int likes = i % 5;
            Artwork artwork = BrowseFixtures.artwork(
                    creator.id,
                    BrowseFixtures.Work.published("Work " + i, prompt, base)
                            .model(model)
                            .likes(likes));
            Listing listing = BrowseFixtures.listing(artwork, price, listedAt);
            boolean minted = i % 4 == 1;
            if (minted) {
                QuarkusTransaction.requiringNew()
                        .run(() -> entityManager
                                .createNativeQuery(
                                        "insert into token_owner (token_id, owner, block_number) values (?1, ?2, 1)")
                                .setParameter(1, new BigDecimal(artwork.tokenId))
                                .setParameter(2, "0x" + "cd".repeat(20))
                                .executeUpdate());
            }
            made.add(new Made(listing.id, artwork.id, price, listing.createdAt, likes, model, minted));
        }
        englishArtwork = made.get(0).artworkId();
        chineseArtwork = made.get(1).artworkId();

        // not shown: unpublished, hidden, withdrawn
        Artwork unpublished = BrowseFixtures.artwork(
                creator.id,
                BrowseFixtures.Work.published("Draft", ENGLISH, base).asUnpublished());
        BrowseFixtures.listing(unpublished, BigInteger.ONE, base);
        Artwork hidden = BrowseFixtures.artwork(
                creator.id,
                BrowseFixtures.Work.published("Hidden", ENGLISH, base).asHidden());
        BrowseFixtures.listing(hidden, BigInteger.ONE, base);
        Artwork withdrawn =
                BrowseFixtures.artwork(creator.id, BrowseFixtures.Work.published("Withdrawn", ENGLISH, base));
        Listing closed = BrowseFixtures.listing(withdrawn, BigInteger.ONE, base);
        QuarkusTransaction.requiringNew()
                .run(() -> Listing.<Listing>findById(closed.id).status = Listing.Status.WITHDRAWN);
    }

    @Test
    void everyOrderPagesThroughAllListingsWithoutDuplicatesOrGaps() {
        Comparator<Made> byListing = Comparator.comparing(m -> m.listingId().toString());
        Comparator<Made> byArtwork = Comparator.comparing(m -> m.artworkId().toString());
        assertPages(
                "newest",
                Comparator.comparing(Made::listedAt).thenComparing(byListing).reversed());
        assertPages("price_asc", Comparator.comparing(Made::price).thenComparing(byListing));
        assertPages(
                "price_desc",
                Comparator.comparing(Made::price).thenComparing(byListing).reversed());
        assertPages(
                "popular",
                Comparator.comparingInt(Made::likes).thenComparing(byArtwork).reversed());
    }

    private void assertPages(String sort, Comparator<Made> order) {
        List<String> expected =
                made.stream().sorted(order).map(m -> m.listingId().toString()).toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("creator", creator.handle)
                    .queryParam("sort", sort)
                    .queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/market/listings")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> ids = page.getList("items.listingId", String.class);
            assertTrue(ids.size() <= 5);
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(expected, seen, sort);
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no listing twice in " + sort);
        assertEquals((LISTED + 4) / 5, pages, sort);
    }

    @Test
    void aCardCarriesWhatTheBrowsePageShows() {
        Made first = made.get(1);
        JsonPath page = given().queryParam("creator", creator.handle)
                .queryParam("sort", "price_asc")
                .queryParam("minPriceWei", first.price())
                .queryParam("maxPriceWei", first.price())
                .queryParam("minted", "true")
                .queryParam("model", "tiny")
                .get("/api/market/listings")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("public"))
                .extract()
                .jsonPath();
        List<Made> expected = matching(
                m -> m.price().equals(first.price()) && m.minted() && m.model().equals("tiny"));
        assertEquals(expected.size(), page.getList("items").size());
        Map<String, Object> card = page.getMap("items.find { it.artworkId == '" + first.artworkId() + "' }");
        assertEquals(first.listingId().toString(), card.get("listingId"));
        assertEquals("Work 1", card.get("title"));
        assertEquals(Map.of("handle", creator.handle, "displayName", creator.displayName), card.get("creator"));
        assertEquals("tiny", card.get("model"));
        assertEquals(first.price().toString(), card.get("priceWei"));
        assertEquals(true, card.get("minted"));
        assertEquals(first.likes(), card.get("likes"));
        assertEquals("/api/artworks/" + first.artworkId() + "/thumbnail", card.get("thumbnail"));
        assertEquals("/api/artworks/" + first.artworkId() + "/image", card.get("image"));
        assertEquals(first.listedAt(), Instant.parse((String) card.get("listedAt")));
    }

    @Test
    void filtersNarrowTheListings() {
        assertListed(Map.of("model", "other-model"), matching(m -> m.model().equals("other-model")));
        BigInteger low = BigInteger.TEN.pow(15).multiply(BigInteger.TWO);
        BigInteger high = BigInteger.TEN.pow(15).multiply(BigInteger.valueOf(4));
        assertListed(
                Map.of("minPriceWei", low.toString(), "maxPriceWei", high.toString()),
                matching(m -> m.price().compareTo(low) >= 0 && m.price().compareTo(high) <= 0));
        assertListed(Map.of("minted", "true"), matching(Made::minted));
        assertListed(Map.of("minted", "false"), matching(m -> !m.minted()));
        assertListed(
                Map.of("minted", "false", "model", "tiny", "minPriceWei", low.toString()),
                matching(m ->
                        !m.minted() && m.model().equals("tiny") && m.price().compareTo(low) >= 0));
        given().queryParam("creator", "nobody-" + UUID.randomUUID())
                .get("/api/market/listings")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void searchFindsEnglishAndChineseWords() {
        assertFound("red circle sunset", englishArtwork);
        assertFound("Circles at SUNSET", englishArtwork);
        assertFound("红色圆形", chineseArtwork);
        assertFound("夕阳", chineseArtwork);
        assertFound("水彩 夕阳", chineseArtwork);
        assertFound("Work 1", chineseArtwork);
        assertFound("green circle");
        assertFound("绿色圆形");
        assertFound("!!!");
    }

    @Test
    void aBroadSearchPagesInTheAskedOrderLikeBrowsing() {
        // "still life" is in 21 prompts, more than the tests' narrow-search bound: the order's index is walked
        List<Made> stillLifes = made.subList(2, LISTED);
        List<String> expected = stillLifes.stream()
                .sorted(Comparator.comparing(Made::price)
                        .thenComparing(m -> m.listingId().toString()))
                .map(m -> m.listingId().toString())
                .toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("creator", creator.handle)
                    .queryParam("q", "still life")
                    .queryParam("sort", "price_asc")
                    .queryParam("limit", 8);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/market/listings")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.listingId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(expected, seen);
    }

    @Test
    void artworksPublishedBeforeTheIndexExistedAreIndexedByTheBackfill() {
        Artwork artwork = BrowseFixtures.artwork(
                creator.id,
                BrowseFixtures.Work.published("Lighthouse", "a lighthouse at dusk", Instant.now())
                        .asUnpublished());
        Listing listing = BrowseFixtures.listing(artwork, BigInteger.ONE, Instant.now());
        // published without the event, as before the search index existed
        QuarkusTransaction.requiringNew().run(() -> {
            Artwork found = Artwork.findById(artwork.id);
            found.published = true;
            found.title = "Lighthouse";
            found.publishedAt = Instant.now();
        });
        try {
            assertFound("lighthouse");
            assertTrue(searchIndex.backfill() >= 1);
            assertFound("lighthouse dusk", artwork.id);
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> Listing.<Listing>findById(listing.id).status = Listing.Status.WITHDRAWN);
        }
    }

    @Test
    void invalidParametersAreRefusedNamingTheField() {
        assertRefused(Map.of("sort", "cheapest"), "sort");
        assertRefused(Map.of("cursor", "not a cursor!"), "cursor");
        assertRefused(Map.of("cursor", "bmV3ZXN0fGFiY3xkZWY"), "cursor");
        String priceCursor = given().queryParam("creator", creator.handle)
                .queryParam("sort", "price_asc")
                .queryParam("limit", 1)
                .get("/api/market/listings")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        assertRefused(Map.of("sort", "newest", "cursor", priceCursor), "cursor");
        assertRefused(Map.of("minPriceWei", "-1"), "minPriceWei");
        assertRefused(Map.of("maxPriceWei", "1.5"), "maxPriceWei");
        assertRefused(Map.of("minPriceWei", "10", "maxPriceWei", "9"), "minPriceWei");
        assertRefused(Map.of("limit", "0"), "limit");
        assertRefused(Map.of("limit", "101"), "limit");
        assertRefused(Map.of("limit", "many"), "limit");
        assertRefused(Map.of("minted", "maybe"), "minted");
    }

    private void assertRefused(Map<String, String> parameters, String field) {
        given().queryParams(parameters)
                .get("/api/market/listings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:validation"))
                .body("errors[0].field", equalTo(field));
    }

    private List<Made> matching(Predicate<Made> filter) {
        return made.stream().filter(filter).toList();
    }

    private void assertListed(Map<String, String> filters, List<Made> expected) {
        List<String> ids = given().queryParam("creator", creator.handle)
                .queryParam("limit", 100)
                .queryParams(filters)
                .get("/api/market/listings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.listingId", String.class);
        assertEquals(
                expected.stream().map(m -> m.listingId().toString()).sorted().toList(),
                ids.stream().sorted().toList(),
                filters.toString());
    }

    private void assertFound(String q, UUID... artworks) {
        JsonPath page = given().queryParam("creator", creator.handle)
                .queryParam("q", q)
                .get("/api/market/listings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of(artworks).stream().map(UUID::toString).toList(),
                page.getList("items.artworkId", String.class),
                q);
        if (artworks.length == 0) {
            assertNull(page.getString("nextCursor"));
        }
    }
}
