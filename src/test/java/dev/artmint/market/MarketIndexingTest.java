package dev.artmint.market;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.chain.Anvil;
import dev.artmint.chain.ChainIndexer;
import dev.artmint.chain.Contracts;
import dev.artmint.chain.MarketCalls;
import dev.artmint.chain.MintRequest;
import dev.artmint.chain.Minting;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TokenOwnership;
import dev.artmint.chain.TxStatus;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.market.listing.Listing;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * The indexer follows ArtMarket's events as well as Transfer: cancels, price changes and sales made outside the
 * platform (sent straight to Anvil with a holder's key) show in the listing and its activity, a listing whose token
 * moved away closes, and reorganisations at depth 1, 3 and 6 (deeper than the confirmations) are repaired, so that
 * token_owner and the listing say what the chain says.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketIndexingTest {

    private static final BigInteger PRICE = BigInteger.valueOf(1000);

    @Inject
    WorkerPool workers;

    @Inject
    Minting minting;

    @Inject
    Outbox outbox;

    @Inject
    ChainIndexer indexer;

    @Inject
    Contracts contracts;

    @Inject
    MarketCalls market;

    @Inject
    TokenOwnership ownership;

    @Inject
    Wallets wallets;

    @Inject
    EntityManager entityManager;

    private final Anvil anvil = new Anvil();

    @AfterAll
    void close() {
        anvil.close();
    }

    @Test
    void aPriceChangeAndACancelMadeOutsideThePlatformShowInTheListing() throws Exception {
        Listed listed = listedByBo();
        Credentials bo = boKey();
        try {
            assertTrue(anvil.marketAs(contracts.market(), bo)
                    .updatePrice(listed.tokenId(), BigInteger.valueOf(1700))
                    .send()
                    .isStatusOK());
            indexer.catchUp();
            assertEquals(BigInteger.valueOf(1700), listing(listed.id()).priceWei);
            assertEquals(Listing.Status.ACTIVE, listing(listed.id()).status);

            assertTrue(anvil.marketAs(contracts.market(), bo)
                    .cancel(listed.tokenId())
                    .send()
                    .isStatusOK());
            indexer.catchUp();
        } finally {
            resyncNonce(bo.getAddress());
        }
        assertEquals(Listing.Status.WITHDRAWN, listing(listed.id()).status);
        assertEquals(
                List.of(Activity.Kind.LISTED, Activity.Kind.REPRICED, Activity.Kind.WITHDRAWN),
                kinds(listed.artworkId()));
        // the token is free again: it may leave the wallet
        assertEquals(Optional.empty(), market.seller(listed.tokenId()));
    }

    @Test
    void aSaleMadeOutsideThePlatformClosesTheListingAsSold() throws Exception {
        Listed listed = listedByBo();
        Credentials buyer = Anvil.account(7);
        assertTrue(anvil.marketAs(contracts.market(), buyer)
                .buy(listed.tokenId(), PRICE)
                .send()
                .isStatusOK());
        indexer.catchUp();

        assertEquals(Listing.Status.SOLD, listing(listed.id()).status);
        assertEquals(Optional.of(buyer.getAddress().toLowerCase()), ownerInTable(listed.tokenId()));
        Activity sold = QuarkusTransaction.requiringNew()
                .call(() -> Activity.<Activity>find(
                                "artworkId = ?1 and kind = ?2", listed.artworkId(), Activity.Kind.SOLD)
                        .singleResult());
        assertEquals(buyer.getAddress().toLowerCase(), sold.toAddress);
        assertEquals(PRICE, sold.priceWei);
        // nothing is buyable any more on the platform (a closed listing is its seller's to see)
        MarketApi.buy("ada", listed.id().toString()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aListingWhoseTokenMovedAwayCloses() {
        Listed listed = listedByBo();
        Credentials bo = boKey();
        try {
            assertTrue(anvil.transferDirectly(
                            contracts.collection(), bo, Anvil.account(6).getAddress(), listed.tokenId())
                    .isStatusOK());
            indexer.catchUp();
        } finally {
            resyncNonce(bo.getAddress());
        }
        assertEquals(Listing.Status.WITHDRAWN, listing(listed.id()).status);
        assertEquals(Optional.of(Anvil.account(6).getAddress().toLowerCase()), ownerInTable(listed.tokenId()));
    }

    @Test
    void reorganisationsAtDepthOneThreeAndSixAreRepairedToWhatTheChainSays() throws Exception {
        Listed listed = listedByBo();
        String boAddress = MarketApi.walletAddress("bo");
        Credentials buyer = Anvil.account(7);
        for (int depth : new int[] {1, 3, 6}) {
            String snapshot = anvil.snapshot();
            assertTrue(anvil.marketAs(contracts.market(), buyer)
                    .buy(listed.tokenId(), PRICE)
                    .send()
                    .isStatusOK());
            for (int block = 1; block < depth; block++) {
                anvil.mine();
            }
            indexer.catchUp();
            assertEquals(Listing.Status.SOLD, listing(listed.id()).status, "sold before the reorg at depth " + depth);
            assertEquals(Optional.of(buyer.getAddress().toLowerCase()), ownerInTable(listed.tokenId()));

            // the blocks with the sale are abandoned; the chain grows past them on another branch
            anvil.revert(snapshot);
            for (int block = 0; block <= depth; block++) {
                anvil.mine();
            }
            indexer.catchUp();

            String owner = anvil.ownerOnChain(contracts.collection(), listed.tokenId());
            assertEquals(boAddress, owner, "the chain after the reorg at depth " + depth);
            assertEquals(Optional.of(owner), ownerInTable(listed.tokenId()), "token_owner at depth " + depth);
            assertEquals(Optional.of(boAddress), market.seller(listed.tokenId()));
            Listing after = listing(listed.id());
            assertEquals(Listing.Status.ACTIVE, after.status, "the listing after the reorg at depth " + depth);
            assertEquals(PRICE, after.priceWei);
            assertEquals(List.of(Activity.Kind.LISTED), kinds(listed.artworkId()), "activity at depth " + depth);
        }
    }

    @Test
    void aWithdrawalWhoseCancelNeverTookEffectIsActiveAgainAsTheChainSays() {
        Listed listed = listedByBo();
        // a withdrawal whose cancel was never recorded (a stop between the row and the outbox), long ago
        QuarkusTransaction.requiringNew()
                .run(() -> Listing.update(
                        "status = ?1, updatedAt = ?2 where id = ?3",
                        Listing.Status.WITHDRAWING,
                        Instant.now().minus(Duration.ofHours(1)),
                        listed.id()));
        assertEquals(Optional.of(MarketApi.walletAddress("bo")), market.seller(listed.tokenId()));
        Listing after = MarketApi.await(
                () -> listing(listed.id()), found -> found.status != Listing.Status.WITHDRAWING, MarketApi.WAIT);
        assertEquals(Listing.Status.ACTIVE, after.status, "the market still holds the listing");
        assertEquals(List.of(Activity.Kind.LISTED), kinds(listed.artworkId()));
    }

    /** A token of one of ada's artworks minted to bo's custodial wallet and listed by bo, its list confirmed. */
    private Listed listedByBo() {
        String artwork = MarketApi.artworks(workers, 1).getFirst();
        MarketApi.publish(artwork, 0);
        String bo = MarketApi.walletAddress("bo");
        anvil.setBalance(bo, BigInteger.TEN.pow(19));
        String provenanceHash = QuarkusTransaction.requiringNew()
                .call(() -> Artwork.<Artwork>findById(UUID.fromString(artwork)).provenanceHash);
        var mint = minting.mint(new MintRequest(bo, provenanceHash, MarketApi.walletAddress("ada"), 0));
        outbox.await(mint.id, tx -> tx.status == TxStatus.CONFIRMED, MarketApi.WAIT);
        indexer.catchUp();
        String id = MarketApi.list("bo", artwork, PRICE.toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MarketApi.await(
                () -> given().header("Authorization", Tokens.bearer("bo"))
                        .get("/api/listings/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                view -> "CONFIRMED".equals(view.getString("chainTxStatus")),
                MarketApi.WAIT);
        indexer.catchUp();
        return new Listed(
                UUID.fromString(id),
                UUID.fromString(artwork),
                new BigInteger(1, Numeric.hexStringToByteArray(provenanceHash)));
    }

    private record Listed(UUID id, UUID artworkId, BigInteger tokenId) {}

    private Credentials boKey() {
        return wallets.of(MarketApi.walletAddress("bo")).orElseThrow();
    }

    /**
     * The test sent from a custodial key behind the outbox's back: the outbox's next nonce for it is set to the
     * chain's, so that later test classes' transactions from the wallet are not refused.
     */
    private void resyncNonce(String address) {
        BigInteger chainNonce = anvil.nonce(address, true);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("update chain_nonce set next_nonce = ?2 where signer = ?1")
                        .setParameter(1, address.toLowerCase())
                        .setParameter(2, chainNonce.longValueExact())
                        .executeUpdate());
    }

    private static Listing listing(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Listing.<Listing>findById(id));
    }

    private static List<Activity.Kind> kinds(UUID artworkId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Activity.<Activity>list(
                                "artworkId = ?1 and kind not in ?2 order by id",
                                artworkId,
                                List.of(Activity.Kind.PUBLISHED, Activity.Kind.GENERATED))
                        .stream()
                        .map(activity -> activity.kind)
                        .toList());
    }

    private Optional<String> ownerInTable(BigInteger tokenId) {
        return QuarkusTransaction.requiringNew().call(() -> ownership.ownerOf(tokenId));
    }
}
