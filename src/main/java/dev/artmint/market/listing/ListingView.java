package dev.artmint.market.listing;

import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.TxStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A listing as the API shows it; wei amounts and token ids are decimal strings. A MARKET listing names its latest
 * transaction on the ArtMarket contract and where that stands.
 */
public record ListingView(
        UUID id,
        UUID artworkId,
        String tokenId,
        UUID sellerId,
        String sellerAddress,
        String priceWei,
        Listing.Kind kind,
        Listing.Status status,
        String chainTxHash,
        TxStatus chainTxStatus,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {

    static ListingView of(Listing listing, ChainTransaction tx) {
        return new ListingView(
                listing.id,
                listing.artworkId,
                listing.tokenId.toString(),
                listing.sellerId,
                listing.sellerAddress,
                listing.priceWei.toString(),
                listing.kind,
                listing.status,
                tx == null ? null : tx.hash,
                tx == null ? null : tx.status,
                listing.createdAt,
                listing.updatedAt,
                listing.closedAt);
    }
}
