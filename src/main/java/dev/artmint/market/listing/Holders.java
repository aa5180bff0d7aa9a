package dev.artmint.market.listing;

import dev.artmint.chain.TokenOwnership;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.studio.artwork.Artwork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds an artwork now, as the indexer saw the chain: its creator while it is unminted, otherwise the holder of its
 * token, a platform user when the token is in a custodial wallet.
 */
@ApplicationScoped
public class Holders {

    /** The holder: a user (null for an external address), their address, and how a listing by them settles. */
    public record Holder(UUID userId, String address, Listing.Kind kind) {}

    private final TokenOwnership ownership;
    private final Wallets wallets;
    private final SaleRecords sales;

    Holders(TokenOwnership ownership, Wallets wallets, SaleRecords sales) {
        this.ownership = ownership;
        this.wallets = wallets;
        this.sales = sales;
    }

    public Holder of(Artwork artwork) {
        Optional<String> holder = ownership.ownerOf(artwork.tokenId);
        if (holder.isEmpty()) {
            return new Holder(artwork.creatorId, wallets.custodial(artwork.creatorId).address, Listing.Kind.LAZY_MINT);
        }
        return wallets.at(holder.get())
                .map(wallet -> new Holder(wallet.userId, wallet.address, Listing.Kind.MARKET))
                .orElseGet(() -> new Holder(null, holder.get(), Listing.Kind.MARKET));
    }

    public boolean minted(Artwork artwork) {
        return ownership.ownerOf(artwork.tokenId).isPresent();
    }

    public boolean sold(Artwork artwork) {
        return sales.sold(artwork.id);
    }

    /** Whether the token is minted and held anywhere but the creator's custodial wallet. */
    public boolean heldByOther(Artwork artwork) {
        String creator = wallets.custodial(artwork.creatorId).address;
        return ownership
                .ownerOf(artwork.tokenId)
                .filter(holder -> !holder.equalsIgnoreCase(creator))
                .isPresent();
    }
}
