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
import java.io.IOException;
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

            given().header("Authorization", Tokens.bearer("bo"))
                    .delete("/api/listings/" + id)
                    .then()
                    .statusCode(204);
            awaitChainTx(id);
            assertEquals(Optional.empty(), market.seller(tokenId));
        } finally {
            setBalance(bo, kept);
        }
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
