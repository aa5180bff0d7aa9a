package dev.artmint.market;

import static dev.artmint.market.MarketApi.WAIT;
import static dev.artmint.market.MarketApi.await;
import static dev.artmint.market.MarketApi.awaitFinal;
import static dev.artmint.market.MarketApi.buy;
import static dev.artmint.market.MarketApi.fund;
import static dev.artmint.market.MarketApi.list;
import static dev.artmint.market.MarketApi.publish;
import static dev.artmint.market.MarketApi.walletAddress;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.chain.Anvil;
import dev.artmint.chain.ChainNode;
import dev.artmint.chain.Contracts;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.PlatformKeys;
import dev.artmint.chain.TxStatus;
import dev.artmint.market.listing.Listing;
import dev.artmint.market.sale.Sale;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The whole marketplace journey on the real stack: ada generates, publishes and lists; bo funds his wallet, buys (a
 * lazy mint), sees the token in his wallet, sends it to his own external wallet, which moves it on directly on Anvil
 * and back; bo lists it again dearer and ada buys it back. Every amount the platform records equals a balance change on
 * the chain, and the artwork's history shows the transfers made outside the platform.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class MarketJourneyTest {

    private static final BigInteger FIRST_PRICE = new BigInteger("10000000000000000"); // 0.01 ether
    private static final BigInteger RESALE_PRICE = new BigInteger("25000000000000000"); // 0.025 ether
    private static final int ROYALTY_BPS = 500;

    @Inject
    WorkerPool workers;

    @Inject
    Outbox outbox;

    @Inject
    Contracts contracts;

    @Inject
    PlatformKeys keys;

    @Inject
    ChainNode node;

    private final Anvil anvil = new Anvil();

    @AfterEach
    void close() {
        anvil.close();
    }

    @Test
    void adaSellsToBoWhoMovesItOutsideTheMarketAndSellsItBack() throws Exception {
        // ada generates, publishes and lists
        String artwork = MarketApi.artworks(workers, 1).getFirst();
        publish(
                        "ada",
                        artwork,
                        Map.of(
                                "title",
                                "Harbour lights",
                                "description",
                                "Lanterns over a quiet harbour",
                                "licence",
                                "COMMERCIAL",
                                "royaltyBps",
                                ROYALTY_BPS))
                .then()
                .statusCode(200);
        String firstListing = list("ada", artwork, FIRST_PRICE.toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals("LAZY_MINT", anonymousListing(firstListing).getString("kind"));
        String tokenId = given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/artworks/" + artwork + "/provenance")
                .then()
                .statusCode(200)
                .extract()
                .path("tokenId");
        String ada = walletAddress("ada");
        String bo = walletAddress("bo");

        // bo funds his wallet from the faucet and buys: the token is minted to him with ada's voucher
        fund(outbox, "bo");
        String firstPurchase =
                buy("bo", firstListing).then().statusCode(202).extract().path("id");
        assertEquals("SETTLED", awaitFinal("bo", firstPurchase).getString("status"));
        assertEquals(bo, anvil.ownerOnChain(contracts.collection(), new BigInteger(tokenId)));
        await(() -> walletTokens("bo"), tokens -> tokens.contains(tokenId), WAIT);
        Sale primary = sale(firstPurchase);
        assertTrue(primary.primarySale);
        assertEquals(FIRST_PRICE, primary.priceWei);
        assertEquals(FIRST_PRICE.subtract(primary.feeWei), primary.sellerProceedsWei);

        // bo sends it to his own external wallet through the platform; from there it moves on directly on Anvil,
        // to another address and back to his custodial wallet, without the platform's knowledge
        Credentials external = Anvil.account(7);
        Credentials elsewhere = Anvil.account(8);
        UUID toExternal = UUID.fromString(given().header("Authorization", Tokens.bearer("bo"))
                .contentType(ContentType.JSON)
                .body(Map.of("to", external.getAddress()))
                .post("/api/tokens/" + tokenId + "/transfer")
                .then()
                .statusCode(202)
                .extract()
                .path("id"));
        outbox.await(toExternal, tx -> tx.status == TxStatus.CONFIRMED, WAIT);
        TransactionReceipt away = anvil.transferDirectly(
                contracts.collection(), external, elsewhere.getAddress(), new BigInteger(tokenId));
        TransactionReceipt back =
                anvil.transferDirectly(contracts.collection(), elsewhere, bo, new BigInteger(tokenId));
        assertTrue(away.isStatusOK() && back.isStatusOK());
        await(() -> walletTokens("bo"), tokens -> tokens.contains(tokenId), WAIT);

        // bo lists it again, dearer, on the market contract; his listing transactions are confirmed before ada buys
        String resale = list("bo", artwork, RESALE_PRICE.toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals("MARKET", anonymousListing(resale).getString("kind"));
        UUID listingTx = QuarkusTransaction.requiringNew()
                .call(() -> Listing.<Listing>findById(UUID.fromString(resale)).chainTxId);
        outbox.await(listingTx, tx -> tx.status == TxStatus.CONFIRMED, WAIT);

        // ada buys it back: bo gets the price less royalty and fee, ada the royalty, the platform the fee
        fund(outbox, "ada");
        String feeRecipient = keys.feeRecipient();
        BigInteger adaBefore = node.balance(ada);
        BigInteger boBefore = node.balance(bo);
        BigInteger feeBefore = node.balance(feeRecipient);
        String secondPurchase =
                buy("ada", resale).then().statusCode(202).extract().path("id");
        assertEquals("SETTLED", awaitFinal("ada", secondPurchase).getString("status"));
        Sale secondary = sale(secondPurchase);
        assertEquals(RESALE_PRICE, secondary.priceWei);
        assertEquals(
                RESALE_PRICE.multiply(BigInteger.valueOf(ROYALTY_BPS)).divide(BigInteger.valueOf(10_000)),
                secondary.royaltyWei);
        assertEquals(ada, secondary.royaltyReceiver.toLowerCase());
        assertEquals(
                RESALE_PRICE.subtract(secondary.royaltyWei).subtract(secondary.feeWei), secondary.sellerProceedsWei);
        assertEquals(secondary.sellerProceedsWei, node.balance(bo).subtract(boBefore));
        assertEquals(secondary.feeWei, node.balance(feeRecipient).subtract(feeBefore));
        assertEquals(
                secondary.royaltyWei.subtract(RESALE_PRICE).subtract(anvil.gasPaid(secondary.txHash)),
                node.balance(ada).subtract(adaBefore));
        assertEquals(ada, anvil.ownerOnChain(contracts.collection(), new BigInteger(tokenId)));
        await(() -> walletTokens("ada"), tokens -> tokens.contains(tokenId), WAIT);

        // the public page tells the whole story, the transfers made outside the platform included
        JsonPath page = await(
                () -> given().get("/api/market/artworks/" + artwork)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                view -> ada.equalsIgnoreCase(view.getString("chain.owner")),
                WAIT);
        assertEquals("ada", page.getString("chain.ownerHandle"));
        assertEquals(tokenId, page.getString("chain.tokenId"));
        List<Map<String, Object>> history = page.getList("history");
        List<String> kinds =
                history.stream().map(entry -> (String) entry.get("kind")).toList();
        assertTrue(
                kinds.containsAll(List.of("GENERATED", "PUBLISHED", "LISTED", "SOLD", "MINTED", "TRANSFERRED")),
                kinds.toString());
        assertEquals(2, kinds.stream().filter("SOLD"::equals).count(), kinds.toString());
        assertTrue(
                history.stream()
                        .anyMatch(entry -> "TRANSFERRED".equals(entry.get("kind"))
                                && away.getTransactionHash().equals(entry.get("txHash"))
                                && external.getAddress().equalsIgnoreCase((String) entry.get("from"))
                                && elsewhere.getAddress().equalsIgnoreCase((String) entry.get("to"))),
                "the direct transfer " + away.getTransactionHash() + " in " + history);
        assertTrue(
                history.stream().anyMatch(entry -> back.getTransactionHash().equals(entry.get("txHash"))),
                "the transfer back " + back.getTransactionHash() + " in " + history);
        // each sale says what went to the creator and to the platform, as the chain paid it
        assertTrue(
                history.stream()
                        .anyMatch(entry -> "SOLD".equals(entry.get("kind"))
                                && RESALE_PRICE.toString().equals(entry.get("priceWei"))
                                && secondary.royaltyWei.toString().equals(entry.get("royaltyWei"))
                                && secondary.feeWei.toString().equals(entry.get("feeWei"))),
                history.toString());
        assertTrue(
                history.stream()
                        .anyMatch(entry -> "SOLD".equals(entry.get("kind")) && "0".equals(entry.get("royaltyWei"))),
                "the primary sale pays no royalty: " + history);
    }

    private static JsonPath anonymousListing(String listingId) {
        return given().get("/api/listings/" + listingId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> walletTokens(String user) {
        return given().header("Authorization", Tokens.bearer(user))
                .get("/api/me/wallet")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("tokens", String.class);
    }

    private static Sale sale(String purchaseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Sale.<Sale>find("purchaseId", UUID.fromString(purchaseId))
                        .firstResult());
    }
}
