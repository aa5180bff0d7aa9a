package dev.artmint.market;

import static dev.artmint.market.MarketApi.list;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.chain.Anvil;
import dev.artmint.chain.ChainIndexer;
import dev.artmint.chain.ChainNode;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.CreatorRoles;
import dev.artmint.chain.MarketCalls;
import dev.artmint.chain.MintRequest;
import dev.artmint.chain.Minting;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.market.listing.Listing;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingsTest {

    private static final String MAX_UINT96 =
            BigInteger.TWO.pow(96).subtract(BigInteger.ONE).toString();

    @Inject
    WorkerPool workers;

    @Inject
    CreatorRoles creatorRoles;

    @Inject
    Outbox outbox;

    @Inject
    Minting minting;

    @Inject
    ChainIndexer indexer;

    @Inject
    ChainNode node;

    @Inject
    MarketCalls market;

    @Inject
    EntityManager entityManager;

    private List<String> artworks;

    /** Four artworks of ada's, made on first use (the HTTP client knows the application's port only in a test). */
    private synchronized List<String> artworks() {
        if (artworks == null) {
            artworks = MarketApi.artworks(workers, 4);
        }
        return artworks;
    }

    @Test
    void creatorListsAnUnmintedArtworkForLazyMintingOnce() {
        String artwork = artworks().get(0);
        MarketApi.publish(artwork, 300);
        String ada = MarketApi.walletAddress("ada");
        var created = list("ada", artwork, "1500000000000000000")
                .then()
                .statusCode(201)
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/listings/" + id), created.header("Location"));
        given().get("/api/listings/" + id)
                .then()
                .statusCode(200)
                .body("artworkId", equalTo(artwork))
                .body("kind", equalTo("LAZY_MINT"))
                .body("status", equalTo("ACTIVE"))
                .body("priceWei", equalTo("1500000000000000000"))
                .body("sellerAddress", equalTo(ada))
                .body("chainTxHash", nullValue());

        // the platform grants ada's wallet the role her vouchers need, once
        var grant = creatorRoles.grantOf(ada).orElseThrow();
        outbox.await(grant.id, tx -> tx.status == TxStatus.CONFIRMED, MarketApi.WAIT);
        assertTrue(creatorRoles.holds(ada));

        list("ada", artwork, "7")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(id));
        Activity listed = QuarkusTransaction.requiringNew()
                .call(() -> Activity.<Activity>find(
                                "artworkId = ?1 and kind = ?2", UUID.fromString(artwork), Activity.Kind.LISTED)
                        .singleResult());
        assertEquals(new BigInteger("1500000000000000000"), listed.priceWei);
        assertEquals(ada, listed.fromAddress);
    }

    @Test
    void onlyThePublishedArtworksOwnerLists() {
        String artwork = artworks().get(1);
        list("bo", artwork, "1000").then().statusCode(404).contentType("application/problem+json");
        list("ada", artwork, "1000")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("publish"));
        MarketApi.publish(artwork, 0);
        list("bo", artwork, "1000")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:forbidden"));
        list("admin", artwork, "1000").then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("artworkId", artwork, "priceWei", "1000"))
                .post("/api/listings")
                .then()
                .statusCode(401);
        list("ada", UUID.randomUUID().toString(), "1000").then().statusCode(404);
        assertEquals(
                0L, QuarkusTransaction.requiringNew().call(() -> Listing.count("artworkId", UUID.fromString(artwork))));
    }

    @Test
    void pricesMustBePositiveWholeWeiWithinUint96() {
        String artwork = artworks().get(2);
        MarketApi.publish(artwork, 0);
        for (String bad :
                List.of("0", "-1", "1.5", "abc", "", BigInteger.TWO.pow(96).toString(), "1e18")) {
            list("ada", artwork, bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:artmint:problem:validation"))
                    .body("errors.field", contains("priceWei"));
        }
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("artworkId", artwork))
                .post("/api/listings")
                .then()
                .statusCode(400)
                .body("errors.field", contains("priceWei"));
        assertEquals(
                0L, QuarkusTransaction.requiringNew().call(() -> Listing.count("artworkId", UUID.fromString(artwork))));
        list("ada", artwork, MAX_UINT96).then().statusCode(201).body("priceWei", equalTo(MAX_UINT96));
    }

    @Test
    void sellerRepricesAndWithdraws() {
        String artwork = artworks().get(3);
        MarketApi.publish(artwork, 0);
        String id =
                list("ada", artwork, "1000").then().statusCode(201).extract().path("id");

        reprice("bo", id, "2000").then().statusCode(403).contentType("application/problem+json");
        reprice("ada", id, "0").then().statusCode(400).body("errors.field", contains("priceWei"));
        reprice("ada", id, BigInteger.TWO.pow(96).toString()).then().statusCode(400);
        reprice("ada", id, "2500").then().statusCode(200).body("priceWei", equalTo("2500"));
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/listings/" + id)
                .then()
                .statusCode(200)
                .body("priceWei", equalTo("2500"));

        given().header("Authorization", Tokens.bearer("bo"))
                .delete("/api/listings/" + id)
                .then()
                .statusCode(403);
        given().delete("/api/listings/" + id).then().statusCode(401);
        given().header("Authorization", Tokens.bearer("ada"))
                .delete("/api/listings/" + id)
                .then()
                .statusCode(204);
        given().header("Authorization", Tokens.bearer("ada"))
                .delete("/api/listings/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:artmint:problem:listing-unavailable"));
        reprice("ada", id, "3000").then().statusCode(409);
        given().get("/api/listings/" + id).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/listings/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("priceWei", equalTo("2500"));

        List<Activity> activity = QuarkusTransaction.requiringNew()
                .call(() -> Activity.<Activity>list("artworkId = ?1 order by id", UUID.fromString(artwork)));
        assertEquals(
                List.of(Activity.Kind.PUBLISHED, Activity.Kind.LISTED, Activity.Kind.REPRICED, Activity.Kind.WITHDRAWN),
                activity.stream().map(entry -> entry.kind).toList());
        assertEquals(BigInteger.valueOf(2500), activity.get(2).priceWei);
        // withdrawn, the artwork can be listed again
        list("ada", artwork, "4000").then().statusCode(201);
    }

    @Test
    void aTokenInALinkedExternalAddressIsNotListedHere() throws Exception {
        String artwork = MarketApi.artworks(workers, 1).getFirst();
        MarketApi.publish(artwork, 0);
        // a fresh address: the dev accounts may be linked to other users by other test classes
        Credentials external = Credentials.create(Keys.createEcKeyPair());
        TokenFixtures.link("ada", external);
        // the artwork's token is minted straight to ada's own external address
        String provenanceHash = QuarkusTransaction.requiringNew()
                .call(() -> Artwork.<Artwork>findById(UUID.fromString(artwork)).provenanceHash);
        var mint =
                minting.mint(new MintRequest(external.getAddress(), provenanceHash, MarketApi.walletAddress("ada"), 0));
        outbox.await(mint.id, tx -> tx.status == TxStatus.CONFIRMED, MarketApi.WAIT);
        indexer.catchUp();

        list("ada", artwork, "1000")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        containsString(
                                "external address " + external.getAddress().toLowerCase()));
        list("bo", artwork, "1000").then().statusCode(403);
        assertEquals(
                0L, QuarkusTransaction.requiringNew().call(() -> Listing.count("artworkId", UUID.fromString(artwork))));
    }

    @Test
    void aMintedTokenIsListedOnTheMarketFromItsHoldersWalletWhenItHoldsTheGas() throws IOException {
        String artwork = MarketApi.artworks(workers, 1).getFirst();
        MarketApi.publish(artwork, 0);
        String bo = MarketApi.walletAddress("bo");
        String provenanceHash = QuarkusTransaction.requiringNew()
                .call(() -> Artwork.<Artwork>findById(UUID.fromString(artwork)).provenanceHash);
        var mint = minting.mint(new MintRequest(bo, provenanceHash, MarketApi.walletAddress("ada"), 0));
        outbox.await(mint.id, tx -> tx.status == TxStatus.CONFIRMED, MarketApi.WAIT);
        indexer.catchUp();
        BigInteger tokenId = new BigInteger(1, Numeric.hexStringToByteArray(provenanceHash));
        BigInteger kept = node.balance(bo);
        try {
            setBalance(bo, BigInteger.ZERO);
            list("ada", artwork, "1000").then().statusCode(403);
            list("bo", artwork, "1000")
                    .then()
                    .statusCode(402)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:artmint:problem:insufficient-funds"))
                    .body("balanceWei", equalTo("0"))
                    .body("detail", containsString("gas"));
            assertEquals(
                    0L,
                    QuarkusTransaction.requiringNew().call(() -> Listing.count("artworkId", UUID.fromString(artwork))));

            setBalance(bo, new BigInteger("1000000000000000000"));
            String id = list("bo", artwork, "1000")
                    .then()
                    .statusCode(201)
                    .body("kind", equalTo("MARKET"))
                    .body("sellerAddress", equalTo(bo))
                    .extract()
                    .path("id");
            awaitChainTx(id);
            assertEquals(Optional.of(bo), market.seller(tokenId));
            String listedWith =
                    given().get("/api/listings/" + id).then().extract().path("chainTxHash");

            reprice("bo", id, "1500").then().statusCode(200).body("priceWei", equalTo("1500"));
            assertNotEquals(listedWith, awaitChainTx(id).getString("chainTxHash"));

            // WITHDRAWING, not public nor buyable, until the cancel is mined; then WITHDRAWN
            given().header("Authorization", Tokens.bearer("bo"))
                    .delete("/api/listings/" + id)
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("WITHDRAWING"));
            MarketApi.buy("ada", id).then().statusCode(404).contentType("application/problem+json");
            MarketApi.await(
                    () -> given().header("Authorization", Tokens.bearer("bo"))
                            .get("/api/listings/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath(),
                    view -> "WITHDRAWN".equals(view.getString("status")),
                    MarketApi.WAIT);
            assertEquals(Optional.empty(), market.seller(tokenId));
            assertEquals(
                    1L,
                    QuarkusTransaction.requiringNew()
                            .call(() -> Activity.count(
                                    "artworkId = ?1 and kind = ?2",
                                    UUID.fromString(artwork),
                                    Activity.Kind.WITHDRAWN)));
        } finally {
            setBalance(bo, kept);
        }
    }

    @Test
    void aLazyMintListingNeedsAnArtworkWithNoMintNoSaleAndNoOwnerOnChain() {
        List<String> three = MarketApi.artworks(workers, 3);
        three.forEach(artwork -> MarketApi.publish(artwork, 0));
        String ada = MarketApi.walletAddress("ada");

        // a mint in flight (not in a block yet, so neither the index nor the chain has an owner)
        String minting1 = three.get(0);
        Anvil anvil = new Anvil();
        ChainTransaction mint = null;
        anvil.setAutomine(false);
        try {
            mint = minting.mint(new MintRequest(ada, provenanceHash(minting1), ada, 0));
            list("ada", minting1, "1000")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("minted or being minted"));
        } finally {
            anvil.setAutomine(true);
            anvil.mine();
        }
        outbox.await(mint.id, tx -> tx.status == TxStatus.CONFIRMED, MarketApi.WAIT);

        // a recorded sale
        String sold = three.get(1);
        recordSale(UUID.fromString(sold));
        list("ada", sold, "1000")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("was sold"));

        // an owner on the chain that neither the outbox nor the index knows (minted elsewhere, index behind)
        String elsewhere = three.get(2);
        var other = minting.mint(new MintRequest(ada, provenanceHash(elsewhere), ada, 0));
        outbox.await(other.id, tx -> tx.status == TxStatus.CONFIRMED, MarketApi.WAIT);
        indexer.catchUp();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("update chain_tx set idempotency_key = 'elsewhere:' || id where id = ?1")
                    .setParameter(1, other.id)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("delete from token_owner where token_id = ?1")
                    .setParameter(
                            1,
                            new BigDecimal(new BigInteger(1, Numeric.hexStringToByteArray(provenanceHash(elsewhere)))))
                    .executeUpdate();
        });
        list("ada", elsewhere, "1000")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("the chain shows the artwork's token held by " + ada));
        for (String artwork : three) {
            assertEquals(
                    0L,
                    QuarkusTransaction.requiringNew()
                            .call(() -> Listing.count(
                                    "artworkId = ?1 and status = ?2",
                                    UUID.fromString(artwork),
                                    Listing.Status.ACTIVE)));
        }
        anvil.close();
    }

    private static String provenanceHash(String artwork) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Artwork.<Artwork>findById(UUID.fromString(artwork)).provenanceHash);
    }

    /** A settled primary sale of the artwork, as the sale feature records one (listing, purchase, sale). */
    private void recordSale(UUID artworkId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Artwork artwork = Artwork.findById(artworkId);
            UUID listing = UUID.randomUUID();
            UUID purchase = UUID.randomUUID();
            String ada = MarketApi.walletAddress("ada");
            entityManager
                    .createNativeQuery("""
                    insert into listing (id, artwork_id, token_id, seller_id, seller_address, price_wei, kind, status,
                        created_at, updated_at, closed_at)
                    values (?1, ?2, ?3, ?4, ?5, 1000, 'LAZY_MINT', 'SOLD', now(), now(), now())""")
                    .setParameter(1, listing)
                    .setParameter(2, artworkId)
                    .setParameter(3, new BigDecimal(artwork.tokenId))
                    .setParameter(4, artwork.creatorId)
                    .setParameter(5, ada)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("""
                    insert into purchase (id, listing_id, buyer_id, buyer_address, price_wei, status, created_at,
                        updated_at, settled_at)
                    values (?1, ?2, ?3, ?4, 1000, 'SETTLED', now(), now(), now())""")
                    .setParameter(1, purchase)
                    .setParameter(2, listing)
                    .setParameter(3, artwork.creatorId)
                    .setParameter(4, ada)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("""
                    insert into sale (id, purchase_id, artwork_id, token_id, seller_id, buyer_id, seller_address,
                        buyer_address, price_wei, royalty_wei, fee_recipient, fee_wei, seller_proceeds_wei,
                        primary_sale, tx_hash, block_number, created_at)
                    values (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?6, 1000, 0, ?6, 0, 1000, true, ?7, 1, now())""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, purchase)
                    .setParameter(3, artworkId)
                    .setParameter(4, new BigDecimal(artwork.tokenId))
                    .setParameter(5, artwork.creatorId)
                    .setParameter(6, ada)
                    .setParameter(7, Anvil.randomHash())
                    .executeUpdate();
        });
    }

    /** Waits until the listing's latest market transaction is confirmed. */
    private static JsonPath awaitChainTx(String listing) {
        return MarketApi.await(
                () -> given().header("Authorization", Tokens.bearer("bo"))
                        .get("/api/listings/" + listing)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                view -> "CONFIRMED".equals(view.getString("chainTxStatus")),
                MarketApi.WAIT);
    }

    /** Anvil's anvil_setBalance: the wallet holds exactly this much, whatever it held. */
    private static void setBalance(String address, BigInteger wei) throws IOException {
        HttpService rpc = new HttpService(ConfigProvider.getConfig().getValue("artmint.chain.rpc-url", String.class));
        var response = new Request<>(
                        "anvil_setBalance",
                        List.of(address, Numeric.toHexStringWithPrefix(wei)),
                        rpc,
                        Anvil.RpcResponse.class)
                .send();
        assertNull(response.getError());
    }

    private static Response reprice(String user, String id, String price) {
        return given().header("Authorization", Tokens.bearer(user))
                .contentType(ContentType.JSON)
                .body(Map.of("priceWei", price))
                .patch("/api/listings/" + id);
    }
}
