package dev.artmint.market;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.identity.User;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class CreatorProfileTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aProfileShowsCountsAndPagesThroughPublishedWorksNewestFirst() {
        User creator = BrowseFixtures.creator("profile");
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        List<Artwork> works = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // two works share a publication time: the id orders them
            works.add(BrowseFixtures.artwork(
                    creator.id,
                    BrowseFixtures.Work.published("Work " + i, "p" + i, base.plusSeconds(Math.min(i, 3) * 60L))
                            .likes(i)));
        }
        BrowseFixtures.artwork(
                creator.id, BrowseFixtures.Work.published("Draft", "d", base).asUnpublished());
        BrowseFixtures.artwork(
                creator.id, BrowseFixtures.Work.published("Hidden", "h", base).asHidden());
        Listing listing = BrowseFixtures.listing(works.get(2), new BigInteger("42000"), base);
        sold(works.get(0), creator);
        Artwork minted = works.get(3);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("insert into token_owner (token_id, owner, block_number) values (?1, ?2, 1)")
                        .setParameter(1, new java.math.BigDecimal(minted.tokenId))
                        .setParameter(2, "0x" + "cd".repeat(20))
                        .executeUpdate());

        List<String> expected = works.stream()
                .sorted((a, b) -> a.publishedAt.equals(b.publishedAt)
                        ? b.id.toString().compareTo(a.id.toString())
                        : b.publishedAt.compareTo(a.publishedAt))
                .map(artwork -> artwork.id.toString())
                .toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/creators/" + creator.handle)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(creator.handle, page.getString("handle"));
            assertEquals(creator.displayName, page.getString("displayName"));
            assertEquals("makes test pictures", page.getString("bio"));
            assertEquals(creator.createdAt, Instant.parse(page.getString("joinedAt")));
            assertEquals(5, page.getInt("counts.published"));
            assertEquals(1, page.getInt("counts.sold"));
            seen.addAll(page.getList("works.artworkId", String.class));
            String listed = "works.find { it.artworkId == '" + works.get(2).id + "' }";
            if (page.get(listed) != null) {
                assertEquals("42000", page.getString(listed + ".priceWei"));
                assertEquals(2, page.getInt(listed + ".likes"));
                assertEquals("Work 2", page.getString(listed + ".title"));
                assertEquals("/api/artworks/" + works.get(2).id + "/thumbnail", page.getString(listed + ".thumbnail"));
            }
            for (Artwork work : works) {
                String found = "works.find { it.artworkId == '" + work.id + "' }";
                if (page.get(found) != null) {
                    assertEquals(work == minted, page.getBoolean(found + ".minted"), work.title);
                }
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(expected, seen);
        assertEquals(3, pages);
        assertEquals(works.get(2).id, listing.artworkId);
    }

    @Test
    void unknownHandlesAndForeignCursorsAreRefused() {
        given().get("/api/creators/nobody-" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        User creator = BrowseFixtures.creator("profile");
        given().queryParam("cursor", "garbage")
                .get("/api/creators/" + creator.handle)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().queryParam("limit", "0")
                .get("/api/creators/" + creator.handle)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    /** A settled sale of the artwork by its creator, as the purchase flow records it. */
    private void sold(Artwork artwork, User seller) {
        User buyer = BrowseFixtures.creator("buyer");
        Listing listing = BrowseFixtures.listing(artwork, BigInteger.TEN, Instant.now());
        QuarkusTransaction.requiringNew().run(() -> {
            Listing closed = Listing.findById(listing.id);
            closed.status = Listing.Status.SOLD;
            UUID purchase = UUID.randomUUID();
            entityManager
                    .createNativeQuery("""
                    insert into purchase (id, listing_id, buyer_id, buyer_address, price_wei, status, created_at,
                        updated_at)
                    values (?1, ?2, ?3, ?4, 10, 'SETTLED', now(), now())""")
                    .setParameter(1, purchase)
                    .setParameter(2, listing.id)
                    .setParameter(3, buyer.id)
                    .setParameter(4, "0x" + "11".repeat(20))
                    .executeUpdate();
            entityManager
                    .createNativeQuery("""
                    insert into sale (id, purchase_id, artwork_id, token_id, seller_id, buyer_id, seller_address,
                                      buyer_address, price_wei, royalty_wei, fee_recipient, fee_wei,
                                          seller_proceeds_wei,
                                      primary_sale, tx_hash, block_number, created_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 10, 0, ?7, 0, 10, true, ?9, 1, now())""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, purchase)
                    .setParameter(3, artwork.id)
                    .setParameter(4, new BigDecimal(artwork.tokenId))
                    .setParameter(5, seller.id)
                    .setParameter(6, buyer.id)
                    .setParameter(7, "0x" + "22".repeat(20))
                    .setParameter(8, "0x" + "11".repeat(20))
                    .setParameter(9, "0x" + "33".repeat(32))
                    .executeUpdate();
        });
    }
}
