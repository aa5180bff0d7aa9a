package dev.artmint.market.sale;

import dev.artmint.chain.ChainException;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.ContractCall;
import dev.artmint.chain.CreatorRoles;
import dev.artmint.chain.MarketCalls;
import dev.artmint.chain.MintVoucher;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.SaleReceipts;
import dev.artmint.chain.TransactionRevertedException;
import dev.artmint.chain.TxStatus;
import dev.artmint.chain.Vouchers;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.market.MarketConfig;
import dev.artmint.market.listing.Listing;
import dev.artmint.studio.artwork.Artwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Drives purchases to the chain and back. A pending purchase is sent from the buyer's custodial wallet through the
 * outbox (a redeem with a voucher the creator's wallet signs, or a buy on the market); a call the chain would refuse
 * fails the purchase and leaves the listing as it was. A submitted one is followed: when its transaction is confirmed,
 * the sale its events report is recorded, the listing sold and the purchase settled, in one transaction. The voucher of
 * a purchase that fails or passes its deadline is cancelled on chain ({@link VoucherCancellations}). Several processes
 * may run this at once: every step is keyed or guarded by the purchase's status.
 */
@ApplicationScoped
class Settlement {

    private static final Logger LOG = Logger.getLogger(Settlement.class);

    private final Wallets wallets;
    private final Vouchers vouchers;
    private final VoucherCancellations cancellations;
    private final MarketCalls market;
    private final CreatorRoles creatorRoles;
    private final SaleReceipts receipts;
    private final SaleLedger ledger;
    private final Outbox outbox;
    private final MarketConfig config;
    private final Clock clock;
    private final ExecutorService kicks = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("settlement-kick").daemon().factory());

    Settlement(
            Wallets wallets,
            Vouchers vouchers,
            VoucherCancellations cancellations,
            MarketCalls market,
            CreatorRoles creatorRoles,
            SaleReceipts receipts,
            SaleLedger ledger,
            Outbox outbox,
            MarketConfig config,
            Clock clock) {
        this.wallets = wallets;
        this.vouchers = vouchers;
        this.cancellations = cancellations;
        this.market = market;
        this.creatorRoles = creatorRoles;
        this.receipts = receipts;
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Settles at once what is open, without waiting for the next scheduled pass. */
    void kick() {
        kicks.execute(this::settleOpen);
    }

    @Scheduled(
            identity = "market-settlement",
            every = "${artmint.market.settle-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        settleOpen();
    }

    synchronized void settleOpen() {
        List<UUID> open = QuarkusTransaction.requiringNew()
                .call(() -> Purchase.<Purchase>list(
                                "status in ?1 order by createdAt",
                                List.of(Purchase.Status.PENDING, Purchase.Status.SUBMITTED))
                        .stream()
                        .map(purchase -> purchase.id)
                        .toList());
        for (UUID id : open) {
            try {
                advance(id);
            } catch (ChainException e) {
                LOG.warnf("settlement: purchase %s waits: %s", id, e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "settlement: purchase %s could not advance", id);
            }
        }
        try {
            cancellations.sweep();
        } catch (RuntimeException e) {
            LOG.errorf(e, "settlement: the vouchers of failed purchases could not be cancelled for now");
        }
    }

    private record Open(Purchase purchase, Listing listing, Artwork artwork) {}

    private void advance(UUID purchaseId) {
        Open open = QuarkusTransaction.requiringNew().call(() -> {
            Purchase purchase = Purchase.findById(purchaseId);
            Listing listing = Listing.findById(purchase.listingId);
            return new Open(purchase, listing, Artwork.findById(listing.artworkId));
        });
        boolean late = open.purchase().createdAt.plus(config.purchaseDeadline()).isBefore(clock.instant());
        switch (open.purchase().status) {
            case PENDING -> {
                if (late) {
                    fail(open.purchase(), "the purchase was not sent by its deadline of " + config.purchaseDeadline());
                } else {
                    submit(open);
                }
            }
            case SUBMITTED -> {
                if (late) {
                    // fails once a cancel is mined (of the transaction or of the voucher); if the purchase itself
                    // gets in first, it settles
                    outbox.cancel(
                            open.purchase().chainTxId,
                            "the purchase passed its deadline of " + config.purchaseDeadline());
                    cancellations.cancel(open.purchase().id);
                }
                follow(open);
            }
            case SETTLED, FAILED -> {}
        }
    }

    private void submit(Open open) {
        Purchase purchase = open.purchase();
        Listing listing = open.listing();
        Optional<ContractCall> call = listing.kind == Listing.Kind.LAZY_MINT ? redeemCall(open) : buyCall(open);
        if (call.isEmpty()) {
            return;
        }
        ChainTransaction tx;
        try {
            tx = wallets.send(
                    purchase.buyerId,
                    "purchase:" + purchase.id,
                    call.get().to(),
                    purchase.priceWei,
                    call.get().data());
        } catch (TransactionRevertedException e) {
            fail(purchase, "the chain refused the purchase: " + e.getMessage());
            return;
        }
        QuarkusTransaction.requiringNew()
                .run(() -> Purchase.update(
                        "status = ?1, chainTxId = ?2, updatedAt = ?3 where id = ?4 and status = ?5",
                        Purchase.Status.SUBMITTED,
                        tx.id,
                        Instant.now(),
                        purchase.id,
                        Purchase.Status.PENDING));
    }

    /** The redeem call, once the creator's role is confirmed; empty while it is not. */
    private Optional<ContractCall> redeemCall(Open open) {
        Optional<ChainTransaction> grant = creatorRoles.grantOf(open.listing().sellerAddress);
        if (grant.isPresent() && grant.get().status == TxStatus.FAILED) {
            fail(open.purchase(), "granting the creator role failed: " + grant.get().failureReason);
            return Optional.empty();
        }
        if (grant.isPresent() && grant.get().status != TxStatus.CONFIRMED) {
            return Optional.empty();
        }
        Artwork artwork = open.artwork();
        Purchase purchase = open.purchase();
        MintVoucher voucher = new MintVoucher(
                open.listing().sellerAddress,
                purchase.buyerAddress,
                artwork.provenanceHash,
                purchase.priceWei,
                Objects.requireNonNullElse(artwork.royaltyBps, 0),
                Instant.now().plus(config.voucherTtl()).getEpochSecond(),
                nonce(purchase.id));
        // recorded before it is signed, so that a failure always finds the nonce to cancel
        QuarkusTransaction.requiringNew()
                .run(() -> Purchase.update("voucherNonce = ?1 where id = ?2", voucher.nonce(), purchase.id));
        byte[] signature = wallets.signDigest(open.listing().sellerId, vouchers.digest(voucher));
        return Optional.of(vouchers.redeem(voucher, signature));
    }

    /** The buy call, once the listing's latest market transaction is confirmed; empty while it is not. */
    private Optional<ContractCall> buyCall(Open open) {
        ChainTransaction listed = outbox.find(open.listing().chainTxId).orElseThrow();
        if (listed.status == TxStatus.FAILED) {
            fail(open.purchase(), "the listing is not on the market contract: " + listed.failureReason);
            return Optional.empty();
        }
        if (listed.status != TxStatus.CONFIRMED) {
            return Optional.empty();
        }
        return Optional.of(market.buy(open.listing().tokenId, open.purchase().priceWei));
    }

    private void follow(Open open) {
        ChainTransaction tx = outbox.find(open.purchase().chainTxId).orElseThrow();
        if (tx.status == TxStatus.FAILED) {
            fail(open.purchase(), "the purchase transaction failed: " + tx.failureReason);
        } else if (tx.status == TxStatus.CONFIRMED) {
            ledger.record(open.purchase(), open.listing(), receipts.of(tx));
        }
    }

    private void fail(Purchase purchase, String reason) {
        String kept = reason.length() <= 500 ? reason : reason.substring(0, 500);
        QuarkusTransaction.requiringNew()
                .run(() -> Purchase.update(
                        "status = ?1, failureReason = ?2, updatedAt = ?3 where id = ?4 and status in ?5",
                        Purchase.Status.FAILED,
                        kept,
                        Instant.now(),
                        purchase.id,
                        List.of(Purchase.Status.PENDING, Purchase.Status.SUBMITTED)));
        LOG.infof("settlement: purchase %s failed: %s", purchase.id, reason);
        cancellations.cancel(purchase.id);
    }

    /** A voucher nonce of the purchase's own: the 128 bits of its id, so no two purchases share one. */
    private static BigInteger nonce(UUID purchaseId) {
        return new BigInteger(
                1,
                ByteBuffer.allocate(16)
                        .putLong(purchaseId.getMostSignificantBits())
                        .putLong(purchaseId.getLeastSignificantBits())
                        .array());
    }

    @PreDestroy
    void close() {
        kicks.shutdownNow();
    }
}
