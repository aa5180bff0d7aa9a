package dev.artmint.market;

import static dev.artmint.market.MarketApi.awaitFinal;
import static dev.artmint.market.MarketApi.buy;
import static dev.artmint.market.MarketApi.list;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.chain.Anvil;
import dev.artmint.chain.ChainIndexer;
import dev.artmint.chain.ChainNode;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Contracts;
import dev.artmint.chain.CreatorRoles;
import dev.artmint.chain.MarketCalls;
import dev.artmint.chain.MintVoucher;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.PlatformKeys;
import dev.artmint.chain.TransactionRequest;
import dev.artmint.chain.TransactionRevertedException;
import dev.artmint.chain.TxStatus;
import dev.artmint.chain.Vouchers;
import dev.artmint.market.listing.Listing;
import dev.artmint.market.sale.Purchase;
import dev.artmint.market.sale.Sale;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.TestClock;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchaseFlowTest {

    private static final BigInteger FEE_BPS = BigInteger.valueOf(250);
    private static final BigInteger BPS = BigInteger.valueOf(10_000);
    private static final byte[] CREATOR_ROLE = Hash.sha3("CREATOR_ROLE".getBytes(StandardCharsets.UTF_8));

    @Inject
    WorkerPool workers;

    @Inject
    Outbox outbox;

    @Inject
    ChainIndexer indexer;

    @Inject
    ChainNode node;

    @Inject
    Contracts contracts;

    @Inject
    PlatformKeys keys;

    @Inject
    Vouchers vouchers;

    @Inject
    CreatorRoles creatorRoles;

    @Inject
    MarketCalls market;

    @Inject
    TestClock clock;

    @Inject
    MarketConfig marketConfig;

    private Web3j web3j;
    private List<String> artworks;
    private String ada;
    private String bo;
    private String feeRecipient;

    /**
     * Artworks and funded wallets, made before the first test (the HTTP client knows the application's port only in a
     * test).
     */
    @BeforeEach
    synchronized void setUp() {
        if (artworks != null) {
            return;
        }
        web3j = Web3j.build(
                new HttpService(ConfigProvider.getConfig().getValue("artmint.chain.rpc-url", String.class)));
        artworks = MarketApi.artworks(workers, 4);
        MarketApi.fund(outbox, "bo");
        MarketApi.fund(outbox, "bo");
        MarketApi.fund(outbox, "ada");
        MarketApi.fund(outbox, "admin");
        ada = MarketApi.walletAddress("ada");
        bo = MarketApi.walletAddress("bo");
        feeRecipient = keys.feeRecipient().toLowerCase();
    }

    @AfterAll
    void close() {
        if (web3j != null) {
            web3j.shutdown();
        }
    }

    @Test
    void voucherDigestIsTheContractsOwn() {
        MintVoucher voucher = new MintVoucher(
                ada,
                bo,
                Numeric.toHexString(Hash.sha3("artwork".getBytes(StandardCharsets.UTF_8))),
                new BigInteger("123456789012345678901234"),
                750,
                Instant.now().getEpochSecond() + 3600,
                new BigInteger(1, Hash.sha3("nonce".getBytes(StandardCharsets.UTF_8))));
        try (Anvil anvil = new Anvil()) {
            assertArrayEquals(anvil.voucherDigest(contracts.collection(), voucher), vouchers.digest(voucher));
        }
        MintVoucher otherRoyalty = new MintVoucher(
                ada, bo, voucher.provenanceHash(), voucher.price(), 751, voucher.expiry(), voucher.nonce());
        assertFalse(Arrays.equals(vouchers.digest(voucher), vouchers.digest(otherRoyalty)));
        MintVoucher otherBuyer = new MintVoucher(
                ada, ada, voucher.provenanceHash(), voucher.price(), 750, voucher.expiry(), voucher.nonce());
        assertFalse(Arrays.equals(vouchers.digest(voucher), vouchers.digest(otherBuyer)));
    }

    @Test
    void primarySaleByVoucherThenResaleOnTheMarket() throws Exception {
        String artwork = artworks.get(0);
        MarketApi.publish(artwork, 500);
        BigInteger price = new BigInteger("100000000000000000");
        String listing = list("ada", artwork, price.toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        BigInteger tokenId = new BigInteger(
                given().get("/api/listings/" + listing).then().extract().<String>path("tokenId"));

        Balances before = balances();
        ExtractableResponse<?> accepted = buy("bo", listing)
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("priceWei", equalTo(price.toString()))
                .extract();
        String purchase = accepted.path("id");
        assertEquals(
                "/api/purchases/" + purchase,
                URI.create(accepted.header("Location")).getPath());

        List<MarketApi.Event> events = MarketApi.events("bo", purchase);
        List<String> names = events.stream().map(MarketApi.Event::name).toList();
        assertEquals("settled", names.getLast(), names.toString());
        assertTrue(List.of("pending", "submitted", "settled").containsAll(names), names.toString());
        JsonPath settled = MarketApi.purchase("bo", purchase);
        assertEquals("SETTLED", settled.getString("status"));
        MarketApi.purchase("ada", purchase);
        given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/purchases/" + purchase)
                .then()
                .statusCode(200);

        Sale primary = sale(purchase);
        BigInteger fee = price.multiply(FEE_BPS).divide(BPS);
        assertTrue(primary.primarySale);
        assertEquals(price, primary.priceWei);
        assertEquals(BigInteger.ZERO, primary.royaltyWei);
        assertNull(primary.royaltyReceiver);
        assertEquals(feeRecipient, primary.feeRecipient);
        assertEquals(fee, primary.feeWei);
        assertEquals(price.subtract(fee), primary.sellerProceedsWei);
        assertEquals(ada, primary.sellerAddress);
        assertEquals(bo, primary.buyerAddress);
        assertEquals(settled.getString("txHash"), primary.txHash);
        assertEquals(tokenId, primary.tokenId);

        Balances after = balances();
        assertEquals(primary.feeWei, after.fee.subtract(before.fee));
        assertEquals(primary.sellerProceedsWei, after.ada.subtract(before.ada));
        assertEquals(price.add(gasPaid(primary.txHash)), before.bo.subtract(after.bo));
        assertEquals(Optional.of(bo), node.ownerOf(contracts.collection(), tokenId));

        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/listings/" + listing)
                .then()
                .statusCode(200)
                .body("status", equalTo("SOLD"));
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/listings/" + listing)
                .then()
                .statusCode(404);
        buy("admin", listing).then().statusCode(409).body("type", equalTo("urn:artmint:problem:listing-unavailable"));
        assertEquals(
                List.of(Activity.Kind.PUBLISHED, Activity.Kind.LISTED, Activity.Kind.MINTED, Activity.Kind.SOLD),
                activityKinds(artwork));

        // sold, the artwork stays published with its royalty, and only its new owner can list it
        indexer.catchUp();
        given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/artworks/" + artwork + "/unpublish")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        MarketApi.publish("ada", artwork, Map.of("title", "Resold", "royaltyBps", 600))
                .then()
                .statusCode(409);
        MarketApi.publish("ada", artwork, Map.of("title", "Resold"))
                .then()
                .statusCode(200)
                .body("royaltyBps", equalTo(500));
        list("ada", artwork, price.toString()).then().statusCode(403);

        BigInteger resalePrice = new BigInteger("200000000000000000");
        String resale = list("bo", artwork, resalePrice.toString())
                .then()
                .statusCode(201)
                .body("kind", equalTo("MARKET"))
                .body("sellerAddress", equalTo(bo))
                .extract()
                .path("id");
        MarketApi.await(
                () -> given().get("/api/listings/" + resale)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                view -> "CONFIRMED".equals(view.getString("chainTxStatus")),
                MarketApi.WAIT);
        assertEquals(Optional.of(bo), market.seller(tokenId));

        Balances beforeResale = balances();
        String repurchase = buy("ada", resale).then().statusCode(202).extract().path("id");
        assertEquals("SETTLED", awaitFinal("ada", repurchase).getString("status"));
        Sale secondary = sale(repurchase);
        BigInteger royalty = resalePrice.multiply(BigInteger.valueOf(500)).divide(BPS);
        BigInteger resaleFee = resalePrice.multiply(FEE_BPS).divide(BPS);
        assertFalse(secondary.primarySale);
        assertEquals(ada, secondary.royaltyReceiver);
        assertEquals(royalty, secondary.royaltyWei);
        assertEquals(resaleFee, secondary.feeWei);
        assertEquals(resalePrice.subtract(royalty).subtract(resaleFee), secondary.sellerProceedsWei);
        assertEquals(bo, secondary.sellerAddress);

        Balances afterResale = balances();
        assertEquals(secondary.feeWei, afterResale.fee.subtract(beforeResale.fee));
        assertEquals(secondary.sellerProceedsWei, afterResale.bo.subtract(beforeResale.bo));
        assertEquals(
                resalePrice.add(gasPaid(secondary.txHash)).subtract(secondary.royaltyWei),
                beforeResale.ada.subtract(afterResale.ada));
        assertEquals(Optional.of(ada), node.ownerOf(contracts.collection(), tokenId));
        assertEquals(Optional.empty(), market.seller(tokenId));
    }

    @Test
    void ofConcurrentBuyersExactlyOneIsAccepted() throws Exception {
        String artwork = artworks.get(1);
        MarketApi.publish(artwork, 0);
        String listing =
                list("ada", artwork, "1000").then().statusCode(201).extract().path("id");
        List<String> buyers = List.of("bo", "admin", "bo", "admin", "bo", "admin");
        buyers.forEach(Tokens::of);
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<?>>> calls = new ArrayList<>();
        for (String buyer : buyers) {
            calls.add(pool.submit(() -> {
                start.await();
                return buy(buyer, listing).then().extract();
            }));
        }
        start.countDown();
        List<ExtractableResponse<?>> responses = new ArrayList<>();
        for (Future<ExtractableResponse<?>> call : calls) {
            responses.add(call.get());
        }
        pool.shutdown();
        List<Integer> statuses =
                responses.stream().map(ExtractableResponse::statusCode).toList();
        assertEquals(1, Collections.frequency(statuses, 202), statuses.toString());
        assertEquals(buyers.size() - 1, Collections.frequency(statuses, 409), statuses.toString());
        responses.stream().filter(response -> response.statusCode() == 409).forEach(response -> {
            assertEquals("urn:artmint:problem:listing-unavailable", response.path("type"));
            assertTrue(response.contentType().startsWith("application/problem+json"));
        });
        String winner = responses.stream()
                .filter(response -> response.statusCode() == 202)
                .findFirst()
                .orElseThrow()
                .path("id");
        assertEquals("SETTLED", awaitFinal("admin", winner).getString("status"));
        assertEquals(
                1L,
                QuarkusTransaction.requiringNew().call(() -> Purchase.count("listingId", UUID.fromString(listing))));
    }

    @Test
    void unfundedBuyersAndSellersBuyingTheirOwnAreRefused() {
        String artwork = artworks.get(2);
        MarketApi.publish(artwork, 0);
        BigInteger price = new BigInteger("1000000000000000000000000");
        String listing = list("ada", artwork, price.toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        BigInteger balance = node.balance(bo);
        ExtractableResponse<?> refused = buy("bo", listing)
                .then()
                .statusCode(402)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:insufficient-funds"))
                .body("balanceWei", equalTo(balance.toString()))
                .extract();
        BigInteger needed = new BigInteger(refused.<String>path("amountNeededWei"));
        assertTrue(needed.compareTo(price) > 0, "the price and gas: " + needed);
        assertTrue(
                needed.subtract(price).compareTo(BigInteger.valueOf(300_000)) >= 0,
                "at least 300000 gas at 1 wei: " + needed);
        assertEquals(needed.subtract(balance).toString(), refused.path("shortfallWei"));
        assertTrue(refused.<String>path("detail").contains(needed.toString()), refused.<String>path("detail"));

        buy("ada", listing)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("own listing"));
        given().post("/api/listings/" + listing + "/purchase").then().statusCode(401);
        buy("bo", UUID.randomUUID().toString()).then().statusCode(404);
        assertEquals(
                0L,
                QuarkusTransaction.requiringNew().call(() -> Purchase.count("listingId", UUID.fromString(listing))));
        assertEquals(balance, node.balance(bo));
    }

    @Test
    void aWalletCannotPromiseMoreThanItHoldsToPurchasesInFlight() {
        List<String> works = MarketApi.artworks(workers, 2);
        works.forEach(work -> MarketApi.publish(work, 0));
        BigInteger balance = node.balance(bo);
        // each alone is affordable, both together are not
        String price = balance.multiply(BigInteger.valueOf(3))
                .divide(BigInteger.valueOf(5))
                .toString();
        List<String> listings = works.stream()
                .map(work -> list("ada", work, price)
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id"))
                .toList();
        // the first purchase's transaction waits in the node's pool: the balance still holds its price
        String first = heldInThePool(listings.get(0), held -> {
            assertEquals(balance, node.balance(bo));
            ExtractableResponse<?> refused = buy("bo", listings.get(1))
                    .then()
                    .statusCode(402)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:artmint:problem:insufficient-funds"))
                    .body("balanceWei", equalTo(balance.toString()))
                    .extract();
            BigInteger needed = new BigInteger(refused.<String>path("amountNeededWei"));
            assertTrue(
                    needed.compareTo(new BigInteger(price).shiftLeft(1)) > 0, "both prices and their gas: " + needed);
            assertTrue(refused.<String>path("detail").contains("promised already"), refused.<String>path("detail"));
        });
        assertEquals("SETTLED", awaitFinal("bo", first).getString("status"));
        assertEquals(
                0L,
                QuarkusTransaction.requiringNew()
                        .call(() -> Purchase.count("listingId", UUID.fromString(listings.get(1)))));
    }

    @Test
    void aPurchasePastItsDeadlineIsCancelledAtItsNonceWithItsVoucherAndItsListingIsFreeAgain() {
        String listing = lazyListing("4000");
        // the purchase's transaction waits in the node's pool, and the clock jumps past its deadline
        String purchase = heldInThePool(listing, held -> {
            clock.hold(clock.instant().plus(marketConfig.purchaseDeadline()).plusSeconds(1));
            try {
                ChainTransaction cancelling = MarketApi.await(
                        () -> outbox.find(purchaseTx(held)).orElseThrow(),
                        tx -> tx.cancelReason != null,
                        MarketApi.WAIT);
                assertTrue(cancelling.cancelReason.contains("deadline"), cancelling.cancelReason);
            } finally {
                clock.release();
            }
        });
        JsonPath failed = awaitFinal("bo", purchase);
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("failureReason").contains("deadline"), failed.getString("failureReason"));
        given().get("/api/listings/" + listing).then().statusCode(200).body("status", equalTo("ACTIVE"));
        String artwork =
                given().get("/api/listings/" + listing).then().extract().path("artworkId");
        assertEquals(
                0L, QuarkusTransaction.requiringNew().call(() -> Sale.count("artworkId", UUID.fromString(artwork))));

        // the voucher the buyer's transaction carried is void: sent again, it reverts
        awaitVoucherCancelled(purchase);
        ChainTransaction sent = outbox.find(purchaseTx(purchase)).orElseThrow();
        TransactionRevertedException replayed = assertThrows(
                TransactionRevertedException.class, () -> outbox.maxCost(bo, sent.to, sent.value, sent.data));
        assertTrue(replayed.getMessage().contains("VoucherCancelledByCreator"), replayed.getMessage());

        String again = buy("bo", listing).then().statusCode(202).extract().path("id");
        assertEquals("SETTLED", awaitFinal("bo", again).getString("status"));
        assertFalse(voucherCancelled(voucherNonce(again)));
    }

    @Test
    void aPurchaseTheChainRefusesFailsAndLeavesTheListing() {
        String artwork = artworks.get(3);
        MarketApi.publish(artwork, 0);
        String listing =
                list("ada", artwork, "5000").then().statusCode(201).extract().path("id");
        BigInteger tokenId = new BigInteger(
                given().get("/api/listings/" + listing).then().extract().<String>path("tokenId"));
        creatorRoles
                .grantOf(ada)
                .ifPresent(grant -> outbox.await(grant.id, tx -> tx.status == TxStatus.CONFIRMED, MarketApi.WAIT));
        // the platform's minter takes the creator role away again: ada's vouchers are no longer honoured
        setCreatorRole(false);
        try {
            BigInteger balance = node.balance(bo);
            String purchase =
                    buy("bo", listing).then().statusCode(202).extract().path("id");
            JsonPath failed = awaitFinal("bo", purchase);
            assertEquals("FAILED", failed.getString("status"));
            assertTrue(
                    failed.getString("failureReason").contains("UnauthorizedCreator"),
                    failed.getString("failureReason"));
            assertNull(failed.getString("txHash"));
            awaitVoucherCancelled(purchase);
            given().get("/api/listings/" + listing).then().statusCode(200).body("status", equalTo("ACTIVE"));
            assertEquals(balance, node.balance(bo));
            assertEquals(Optional.empty(), node.ownerOf(contracts.collection(), tokenId));
            assertEquals(
                    0L,
                    QuarkusTransaction.requiringNew().call(() -> Sale.count("artworkId", UUID.fromString(artwork))));
        } finally {
            setCreatorRole(true);
        }
        String retried = buy("bo", listing).then().statusCode(202).extract().path("id");
        assertEquals("SETTLED", awaitFinal("bo", retried).getString("status"));
        assertEquals(Optional.of(bo), node.ownerOf(contracts.collection(), tokenId));
    }

    @Test
    void aListingCannotChangeWhileItsPurchaseIsInFlight() {
        String listing = lazyListing("3000");
        String artwork =
                given().get("/api/listings/" + listing).then().extract().path("artworkId");
        // the purchase's transaction waits in the node's pool until the test mines it
        String purchase = heldInThePool(listing, held -> {
            given().header("Authorization", Tokens.bearer("ada"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("priceWei", "1"))
                    .patch("/api/listings/" + listing)
                    .then()
                    .statusCode(409)
                    .body("detail", containsString("in flight"));
            given().header("Authorization", Tokens.bearer("ada"))
                    .delete("/api/listings/" + listing)
                    .then()
                    .statusCode(409);
            given().header("Authorization", Tokens.bearer("ada"))
                    .post("/api/artworks/" + artwork + "/unpublish")
                    .then()
                    .statusCode(409);
            MarketApi.publish("ada", artwork, Map.of("title", "Changed", "royaltyBps", 900))
                    .then()
                    .statusCode(409);
            buy("admin", listing)
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("urn:artmint:problem:listing-unavailable"));
        });
        assertEquals("SETTLED", awaitFinal("bo", purchase).getString("status"));
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/listings/" + listing)
                .then()
                .body("priceWei", equalTo("3000"))
                .body("status", equalTo("SOLD"));
    }

    @Test
    void aRepricedWithdrawnOrRelistedListingLeavesNoVoucherOfAFailedPurchaseValid() {
        String listing = lazyListing("6000");
        String artwork =
                given().get("/api/listings/" + listing).then().extract().path("artworkId");
        List<String> failed = new ArrayList<>();
        Runnable failAPurchase = () -> {
            String purchase =
                    buy("bo", current(artwork)).then().statusCode(202).extract().path("id");
            assertEquals("FAILED", awaitFinal("bo", purchase).getString("status"));
            failed.add(purchase);
        };
        Map<String, Runnable> changes = new LinkedHashMap<>();
        changes.put(
                "reprice",
                () -> given().header("Authorization", Tokens.bearer("ada"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("priceWei", "7000"))
                        .patch("/api/listings/" + current(artwork))
                        .then()
                        .statusCode(200));
        changes.put(
                "withdraw",
                () -> given().header("Authorization", Tokens.bearer("ada"))
                        .delete("/api/listings/" + current(artwork))
                        .then()
                        .statusCode(204));
        changes.put("relist", () -> list("ada", artwork, "8000").then().statusCode(201));
        setCreatorRole(false);
        try {
            for (Map.Entry<String, Runnable> change : changes.entrySet()) {
                if (!change.getKey().equals("relist")) {
                    failAPurchase.run();
                }
                change.getValue().run();
                failed.forEach(this::awaitVoucherCancelled);
            }
        } finally {
            setCreatorRole(true);
        }
        assertEquals(2, failed.size());
        String bought =
                buy("bo", current(artwork)).then().statusCode(202).extract().path("id");
        assertEquals("SETTLED", awaitFinal("bo", bought).getString("status"));
        assertEquals("8000", MarketApi.purchase("bo", bought).getString("priceWei"));
    }

    /** A new published artwork of ada's, listed for lazy minting at the price, once ada holds CREATOR_ROLE. */
    private String lazyListing(String priceWei) {
        String artwork = MarketApi.artworks(workers, 1).getFirst();
        MarketApi.publish(artwork, 0);
        String listing =
                list("ada", artwork, priceWei).then().statusCode(201).extract().path("id");
        creatorRoles
                .grantOf(ada)
                .ifPresent(grant -> outbox.await(grant.id, tx -> tx.status == TxStatus.CONFIRMED, MarketApi.WAIT));
        return listing;
    }

    /**
     * Bo's purchase of the listing, submitted while the node mines nothing: {@code held} runs with the purchase's id
     * while its transaction waits in the node's pool, and the node mines again after it.
     */
    private String heldInThePool(String listing, Consumer<String> held) {
        try (Anvil anvil = new Anvil()) {
            anvil.setAutomine(false);
            try {
                String purchase =
                        buy("bo", listing).then().statusCode(202).extract().path("id");
                MarketApi.await(
                        () -> MarketApi.purchase("bo", purchase),
                        view -> "SUBMITTED".equals(view.getString("status")),
                        MarketApi.WAIT);
                held.accept(purchase);
                return purchase;
            } finally {
                anvil.setAutomine(true);
                anvil.mine();
            }
        }
    }

    private static UUID purchaseTx(String purchase) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Purchase.<Purchase>findById(UUID.fromString(purchase)).chainTxId);
    }

    private static BigInteger voucherNonce(String purchase) {
        BigInteger nonce = QuarkusTransaction.requiringNew()
                .call(() -> Purchase.<Purchase>findById(UUID.fromString(purchase)).voucherNonce);
        assertNotNull(nonce, "purchase " + purchase + " signed no voucher");
        return nonce;
    }

    /** Waits until ada's wallet cancelled the purchase's voucher nonce on chain. */
    private void awaitVoucherCancelled(String purchase) {
        BigInteger nonce = voucherNonce(purchase);
        MarketApi.await(() -> voucherCancelled(nonce), Boolean::booleanValue, MarketApi.WAIT);
    }

    private boolean voucherCancelled(BigInteger nonce) {
        try (Anvil anvil = new Anvil()) {
            return anvil.isVoucherCancelled(contracts.collection(), ada, nonce);
        }
    }

    /** The id of the artwork's active listing. */
    private static String current(String artwork) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Listing.activeFor(UUID.fromString(artwork))
                        .orElseThrow()
                        .id
                        .toString());
    }

    private record Balances(BigInteger ada, BigInteger bo, BigInteger fee) {}

    private Balances balances() {
        return new Balances(node.balance(ada), node.balance(bo), node.balance(feeRecipient));
    }

    /** What the buyer paid for gas: gas used times the effective gas price, from the receipt. */
    private BigInteger gasPaid(String txHash) throws IOException {
        TransactionReceipt receipt = web3j.ethGetTransactionReceipt(txHash)
                .send()
                .getTransactionReceipt()
                .orElseThrow();
        return receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
    }

    private static Sale sale(String purchaseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Sale.<Sale>find("purchaseId", UUID.fromString(purchaseId))
                        .singleResult());
    }

    private static List<Activity.Kind> activityKinds(String artwork) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Activity.<Activity>list("artworkId = ?1 order by id", UUID.fromString(artwork)).stream()
                        .map(activity -> activity.kind)
                        .toList());
    }

    /** Grants or revokes ada's CREATOR_ROLE with the minter key, through the outbox that owns its nonces. */
    private void setCreatorRole(boolean granted) {
        String data = FunctionEncoder.encode(new Function(
                granted ? "grantRole" : "revokeRole", List.of(new Bytes32(CREATOR_ROLE), new Address(ada)), List.of()));
        var tx = outbox.submit(TransactionRequest.call(
                "test-creator-role:" + UUID.randomUUID(), keys.minter(), contracts.collection(), data));
        outbox.await(tx.id, sent -> sent.status == TxStatus.CONFIRMED, MarketApi.WAIT);
        assertEquals(granted, creatorRoles.holds(ada));
    }
}
