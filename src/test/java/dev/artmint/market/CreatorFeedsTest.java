package dev.artmint.market;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.artmint.identity.User;
import dev.artmint.identity.wallet.Wallets;
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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class CreatorFeedsTest {

    private static final String ZERO = "0x" + "00".repeat(20);

    @Inject
    EntityManager entityManager;

    @Inject
    Wallets wallets;

    @Test
    void collectedPagesThroughTheTokensTheWalletHoldsNowMostRecentlyAcquiredFirst() {
        User collector = BrowseFixtures.creator("collector");
        User maker = BrowseFixtures.creator("maker");
        String wallet = wallets.custodial(collector.id).address;
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        List<Artwork> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(BrowseFixtures.artwork(maker.id, BrowseFixtures.Work.published("Held " + i, "h" + i, base)));
        }
        owns(held.get(0), wallet, 5);
        owns(held.get(1), wallet, 9);
        owns(held.get(2), wallet, 7);
        BrowseFixtures.listing(held.get(2), new BigInteger("123456789012345678901"), base);
        owns(
                BrowseFixtures.artwork(
                        maker.id,
                        BrowseFixtures.Work.published("Hidden", "x", base).asHidden()),
                wallet,
                11);
        owns(
                BrowseFixtures.artwork(maker.id, BrowseFixtures.Work.published("Elsewhere", "y", base)),
                "0x" + "44".repeat(20),
                12);

        JsonPath first = given().queryParam("limit", 2)
                .get("/api/creators/" + collector.handle + "/collected")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of(held.get(1).id.toString(), held.get(2).id.toString()),
                first.getList("items.artworkId", String.class));
        assertEquals("Held 2", first.getString("items[1].title"));
        assertEquals("123456789012345678901", first.getString("items[1].priceWei"));
        assertNull(first.get("items[0].priceWei"));
        assertEquals(held.get(1).tokenId.toString(), first.getString("items[0].tokenId"));
        assertEquals(maker.handle, first.getString("items[0].creator.handle"));
        assertEquals("/api/artworks/" + held.get(1).id + "/thumbnail", first.getString("items[0].thumbnail"));

        JsonPath second = given().queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .get("/api/creators/" + collector.handle + "/collected")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(held.get(0).id.toString()), second.getList("items.artworkId", String.class));
        assertNull(second.get("nextCursor"));

        given().get("/api/creators/" + maker.handle + "/collected")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void activityMergesThePlatformsRecordWithTheChainsNewestFirstWithoutHiddenWorks() {
        User creator = BrowseFixtures.creator("active");
        User buyer = BrowseFixtures.creator("holder");
        String creatorWallet = wallets.custodial(creator.id).address;
        String buyerWallet = wallets.custodial(buyer.id).address;
        String external = "0x" + "55".repeat(20);
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        Artwork work = BrowseFixtures.artwork(creator.id, BrowseFixtures.Work.published("Traded", "t", base));
        Artwork hidden = BrowseFixtures.artwork(
                creator.id, BrowseFixtures.Work.published("Hidden", "h", base).asHidden());
        String mintTx = hash();
        String transferTx = hash();
        change(work, 1, mintTx, ZERO, buyerWallet, base.plusSeconds(60));
        change(work, 2, transferTx, buyerWallet, external, base.plusSeconds(120));
        change(hidden, 2, hash(), ZERO, creatorWallet, base.plusSeconds(90));
        // the platform's own record of the transfer is the chain's change: one event, named after its actor
        QuarkusTransaction.requiringNew().run(() -> {
            Activity sold = Activity.record(work.id, Activity.Kind.SOLD, buyer.id);
            sold.priceWei = new BigInteger("70000000000000000");
            sold.fromAddress = creatorWallet;
            sold.toAddress = buyerWallet;
            sold.txHash = mintTx;
            sold.createdAt = base.plusSeconds(61);
            Activity transfer = Activity.record(work.id, Activity.Kind.TRANSFERRED, buyer.id);
            transfer.txHash = transferTx;
            transfer.createdAt = base.plusSeconds(120);
        });

        List<String> kinds = new ArrayList<>();
        List<JsonPath> pages = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/creators/" + creator.handle + "/activity")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            kinds.addAll(page.getList("items.kind", String.class));
            pages.add(page);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        // the fixture records PUBLISHED when it runs, after the rest; the hidden work's events never show
        assertEquals(List.of("PUBLISHED", "TRANSFERRED", "SOLD", "MINTED"), kinds);
        JsonPath transfer = pages.get(1);
        assertEquals(work.id.toString(), transfer.getString("items[0].artworkId"));
        assertEquals(buyer.handle, transfer.getString("items[0].actor"));
        assertEquals(buyerWallet, transfer.getString("items[0].from"));
        assertEquals(buyer.handle, transfer.getString("items[0].fromHandle"));
        assertEquals(external, transfer.getString("items[0].to"));
        assertNull(transfer.get("items[0].toHandle"));
        assertEquals(transferTx, transfer.getString("items[0].txHash"));
        assertEquals(2, transfer.getInt("items[0].blockNumber"));
        assertEquals("70000000000000000", pages.get(2).getString("items[0].priceWei"));
        assertEquals(creator.handle, pages.get(2).getString("items[0].fromHandle"));

        // the buyer's tab shows what went through their wallet, and their own actions
        JsonPath buyerPage = given().get("/api/creators/" + buyer.handle + "/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("TRANSFERRED", "SOLD", "MINTED"), buyerPage.getList("items.kind", String.class));
    }

    @Test
    void unknownHandlesAndForeignCursorsAreRefused() {
        for (String tab : List.of("collected", "activity")) {
            given().get("/api/creators/nobody-" + UUID.randomUUID() + "/" + tab)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            User creator = BrowseFixtures.creator("feeds");
            given().queryParam("cursor", "garbage")
                    .get("/api/creators/" + creator.handle + "/" + tab)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("cursor"));
            given().queryParam("limit", "0")
                    .get("/api/creators/" + creator.handle + "/" + tab)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
        User creator = BrowseFixtures.creator("feeds");
        String collectedCursor = KeysetCursor.encode("collected", "5", UUID.randomUUID());
        given().queryParam("cursor", collectedCursor)
                .get("/api/creators/" + creator.handle + "/activity")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    private void owns(Artwork artwork, String owner, long block) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "insert into token_owner (token_id, owner, block_number) values (?1, ?2, ?3)")
                        .setParameter(1, new BigDecimal(artwork.tokenId))
                        .setParameter(2, owner)
                        .setParameter(3, block)
                        .executeUpdate());
    }

    private void change(Artwork artwork, long block, String tx, String from, String to, Instant at) {
        // a log index no real block reaches keeps the fixture's rows apart from the indexer's
        long logIndex = 1_000_000 + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("""
                insert into ownership_change (token_id, block_number, log_index, tx_hash, from_address, to_address,
                    indexed_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                        .setParameter(1, new BigDecimal(artwork.tokenId))
                        .setParameter(2, block)
                        .setParameter(3, logIndex)
                        .setParameter(4, tx)
                        .setParameter(5, from)
                        .setParameter(6, to)
                        .setParameter(7, at)
                        .executeUpdate());
    }

    private static String hash() {
        return "0x" + UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "");
    }
}
