package dev.artmint.market.page;

import dev.artmint.market.CreatorRef;
import dev.artmint.provenance.ProvenanceRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything the public page of an artwork shows. {@code likedByMe} is null for an anonymous caller; token ids and wei
 * amounts are decimal strings.
 */
public record ArtworkPage(
        UUID id,
        String title,
        String description,
        String licence,
        Integer royaltyBps,
        String model,
        int width,
        int height,
        boolean published,
        Instant createdAt,
        Instant publishedAt,
        String image,
        String thumbnail,
        CreatorRef creator,
        int likes,
        Boolean likedByMe,
        Provenance provenance,
        ActiveListing listing,
        OnChain chain,
        List<HistoryEntry> history) {

    /** The recipe, its canonical JSON and that JSON's keccak-256 hash (the token id). */
    public record Provenance(ProvenanceRecord record, String canonicalJson, String hash) {}

    /**
     * The listing a buyer can buy now, and the gas a purchase of it reserves on top of the price (at the current fee
     * quote; null while the chain node cannot be asked): the buyer's balance must cover both.
     */
    public record ActiveListing(UUID id, String priceWei, String kind, String gasReserveWei) {}

    /**
     * The token as the indexer last saw it: its owner's address, and their handle when it is a user's custodial wallet;
     * the transactions that minted it and last moved it.
     */
    public record OnChain(
            boolean minted,
            String contract,
            String tokenId,
            String owner,
            String ownerHandle,
            String mintTxHash,
            String lastTransferTxHash) {}

    /**
     * One event in the artwork's life. Platform events name their actor; chain events (mints and transfers, made on the
     * platform or not) carry their addresses, transaction and block. A sale also says what of its price went to the
     * creator as royalty and to the platform as its fee.
     */
    public record HistoryEntry(
            String kind,
            Instant at,
            String actor,
            String from,
            String to,
            String priceWei,
            String royaltyWei,
            String feeWei,
            String txHash,
            Long blockNumber) {}
}
