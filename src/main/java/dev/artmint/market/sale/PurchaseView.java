package dev.artmint.market.sale;

import dev.artmint.chain.ChainTransaction;
import java.time.Instant;
import java.util.UUID;

/** A purchase as the API shows it, with its transaction's hash once sent; wei amounts are decimal strings. */
public record PurchaseView(
        UUID id,
        UUID listingId,
        UUID buyerId,
        String buyerAddress,
        String priceWei,
        Purchase.Status status,
        String txHash,
        String failureReason,
        Instant createdAt,
        Instant updatedAt,
        Instant settledAt) {

    static PurchaseView of(Purchase purchase, ChainTransaction tx) {
        return new PurchaseView(
                purchase.id,
                purchase.listingId,
                purchase.buyerId,
                purchase.buyerAddress,
                purchase.priceWei.toString(),
                purchase.status,
                tx == null ? null : tx.hash,
                purchase.failureReason,
                purchase.createdAt,
                purchase.updatedAt,
                purchase.settledAt);
    }
}
