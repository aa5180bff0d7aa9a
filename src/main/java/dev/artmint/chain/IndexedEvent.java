package dev.artmint.chain;

import java.math.BigInteger;

/**
 * An event of the collection or the market that the indexer read from a block at the safe depth, fired synchronously in
 * the transaction that records it, so that an observer's changes commit with the indexed block or not at all.
 *
 * @param from the seller of a market event, the sender of a transfer
 * @param to the buyer of a sale, the recipient of a transfer; null for the other market events
 * @param priceWei the price of Listed, PriceUpdated and Sold; null otherwise
 * @param platformSent whether the outbox sent the transaction, so that the feature that sent it records its effect
 */
public record IndexedEvent(
        Kind kind,
        BigInteger tokenId,
        String from,
        String to,
        BigInteger priceWei,
        long blockNumber,
        long logIndex,
        String txHash,
        boolean platformSent) {

    /** ArtMint721's Transfer and ArtMarket's listing events. */
    public enum Kind {
        TRANSFER,
        LISTED,
        PRICE_UPDATED,
        CANCELLED,
        SOLD
    }

    /**
     * Fired in the transaction that undoes what the indexer recorded after {@code ancestor}, the last block the node
     * and the index agree on, before the blocks after it are read again.
     */
    public record Undone(long ancestor) {}
}
