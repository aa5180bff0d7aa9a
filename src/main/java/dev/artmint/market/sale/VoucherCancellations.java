package dev.artmint.market.sale;

import dev.artmint.chain.ChainException;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.ContractCall;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.chain.Vouchers;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.market.listing.Listing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Voids on chain the voucher of a lazy-mint purchase that did not settle: the creator's custodial wallet sends
 * {@code cancelVoucher(nonce)} through the outbox, after which the signature, public since it was sent, reverts with
 * VoucherCancelledByCreator. A cancellation the creator's wallet cannot pay for yet, or one that failed, is signed
 * again on a later settlement pass; a listing change runs such a pass at once.
 */
@ApplicationScoped
class VoucherCancellations {

    private static final Logger LOG = Logger.getLogger(VoucherCancellations.class);

    private final Wallets wallets;
    private final Vouchers vouchers;
    private final Outbox outbox;

    VoucherCancellations(Wallets wallets, Vouchers vouchers, Outbox outbox) {
        this.wallets = wallets;
        this.vouchers = vouchers;
        this.outbox = outbox;
    }

    private record Signed(UUID purchaseId, UUID creatorId, String creator, BigInteger nonce, UUID cancelTxId) {}

    /** Cancels the purchase's voucher, if it has one, unless its cancellation is on its way or on chain already. */
    void cancel(UUID purchaseId) {
        Optional<Signed> signed = QuarkusTransaction.requiringNew().call(() -> {
            Purchase purchase = Purchase.findById(purchaseId);
            if (purchase.voucherNonce == null) {
                return Optional.<Signed>empty();
            }
            Listing listing = Listing.findById(purchase.listingId);
            return Optional.of(new Signed(
                    purchase.id,
                    listing.sellerId,
                    listing.sellerAddress,
                    purchase.voucherNonce,
                    purchase.voucherCancelTxId));
        });
        signed.ifPresent(this::cancel);
    }

    /** Cancels the vouchers of failed purchases that have no cancellation, or only one that failed. */
    void sweep() {
        List<UUID> uncancelled = QuarkusTransaction.requiringNew()
                .call(() -> Purchase.<Purchase>list(
                                "status = ?1 and voucherNonce is not null and (voucherCancelTxId is null"
                                        + " or voucherCancelTxId in (select t.id from ChainTransaction t"
                                        + " where t.status = ?2))",
                                Purchase.Status.FAILED,
                                TxStatus.FAILED)
                        .stream()
                        .map(purchase -> purchase.id)
                        .toList());
        uncancelled.forEach(this::cancel);
    }

    private void cancel(Signed signed) {
        Optional<ChainTransaction> previous =
                signed.cancelTxId() == null ? Optional.empty() : outbox.find(signed.cancelTxId());
        if (previous.isPresent() && previous.get().status != TxStatus.FAILED) {
            return;
        }
        ContractCall call = vouchers.cancel(signed.nonce());
        // one key per attempt: a process that stopped after sending finds its transaction again under it
        String key = "voucher-cancel:" + signed.purchaseId()
                + previous.map(tx -> ":after:" + tx.id).orElse("");
        try {
            BigInteger cost = outbox.maxCost(signed.creator(), call.to(), BigInteger.ZERO, call.data())
                    .add(outbox.committed(signed.creator()));
            if (outbox.find(key).isEmpty() && wallets.balance(signed.creator()).compareTo(cost) < 0) {
                // retried on the next pass; the voucher expires after artmint.market.voucher-ttl in any case
                LOG.debugf(
                        "voucher of purchase %s: the creator's wallet cannot pay its cancellation yet",
                        signed.purchaseId());
                return;
            }
            ChainTransaction tx = wallets.send(signed.creatorId(), key, call.to(), BigInteger.ZERO, call.data());
            QuarkusTransaction.requiringNew()
                    .run(() -> Purchase.update("voucherCancelTxId = ?1 where id = ?2", tx.id, signed.purchaseId()));
        } catch (ChainException e) {
            LOG.warnf("voucher of purchase %s: cancelling it waits: %s", signed.purchaseId(), e.getMessage());
        }
    }
}
