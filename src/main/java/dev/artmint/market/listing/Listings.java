package dev.artmint.market.listing;

import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.CreatorRoles;
import dev.artmint.chain.Outbox;
import dev.artmint.identity.Caller;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.market.Activity;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.Artworks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Listings by an artwork's current holder. An unminted artwork is listed by its creator and sold by voucher (LAZY_MINT,
 * after the platform granted the creator's wallet CREATOR_ROLE); a minted token is listed on the ArtMarket contract
 * from the holder's custodial wallet (MARKET), and repricing or withdrawing it goes there too.
 */
@ApplicationScoped
public class Listings {

    private final Holders holders;
    private final Wallets wallets;
    private final ChainListings chain;
    private final CreatorRoles creatorRoles;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final SaleRecords sales;

    Listings(
            Holders holders,
            Wallets wallets,
            ChainListings chain,
            CreatorRoles creatorRoles,
            Outbox outbox,
            EntityManager entityManager,
            SaleRecords sales) {
        this.holders = holders;
        this.wallets = wallets;
        this.chain = chain;
        this.creatorRoles = creatorRoles;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.sales = sales;
    }

    @Transactional
    public ListingView create(Caller caller, UUID artworkId, BigInteger price) {
        UUID userId = caller.id();
        Artwork artwork = Artwork.<Artwork>findByIdOptional(artworkId, LockModeType.PESSIMISTIC_WRITE)
                .filter(found -> Artworks.mayRead(found.published, found.hidden, found.creatorId, caller))
                .orElseThrow(() -> Refusal.of(ProblemType.NOT_FOUND, "no such artwork"));
        Holders.Holder holder = holders.of(artwork);
        if (holder.userId() == null) {
            if (wallets.isLinked(userId, holder.address())) {
                throw Refusal.of(
                        ProblemType.CONFLICT,
                        "the token is in your external address " + holder.address()
                                + "; ArtMint lists tokens held in your custodial wallet only: transfer it there to "
                                + "list it");
            }
            throw Refusal.of(ProblemType.FORBIDDEN, "only the holder of the artwork's token can list it");
        }
        if (!holder.userId().equals(userId)) {
            throw Refusal.of(ProblemType.FORBIDDEN, "only the artwork's current owner can list it");
        }
        if (artwork.hidden) {
            throw Refusal.of(ProblemType.CONFLICT, "a moderator hid this artwork; it cannot be listed");
        }
        if (!artwork.published) {
            throw Refusal.of(ProblemType.CONFLICT, "publish the artwork before listing it");
        }
        active(artworkId).ifPresent(listing -> {
            throw Refusal.of(ProblemType.CONFLICT, "the artwork already has an active listing, " + listing.id);
        });
        boolean approved = holder.kind() == Listing.Kind.LAZY_MINT || chain.approved(holder.address());
        if (holder.kind() == Listing.Kind.MARKET) {
            chain.requireGas(holder.address(), approved ? 1 : 2);
        }
        Listing listing = new Listing();
        listing.id = UUID.randomUUID();
        listing.artworkId = artworkId;
        listing.tokenId = artwork.tokenId;
        listing.sellerId = userId;
        listing.sellerAddress = holder.address();
        listing.priceWei = price;
        listing.kind = holder.kind();
        listing.status = Listing.Status.ACTIVE;
        listing.createdAt = Instant.now();
        listing.updatedAt = listing.createdAt;
        persistAlone(listing);
        sales.cancelUnusedVouchers();
        if (listing.kind == Listing.Kind.MARKET) {
            listing.chainTxId = chain.list(listing, approved);
        } else {
            creatorRoles.ensureGranted(holder.address());
        }
        Activity activity = Activity.record(artworkId, Activity.Kind.LISTED, userId);
        activity.priceWei = price;
        activity.fromAddress = holder.address();
        return view(listing);
    }

    /** A listing the caller may see: an active one of a visible published artwork, or any of theirs. */
    @Transactional
    public Optional<ListingView> find(UUID listingId, Caller caller) {
        return Listing.<Listing>findByIdOptional(listingId)
                .filter(listing -> visible(listing, caller))
                .map(this::view);
    }

    @Transactional
    public ListingView reprice(UUID listingId, Caller caller, BigInteger price) {
        Listing listing = ownActive(listingId, caller);
        requireNoPurchaseInFlight(listing);
        if (listing.kind == Listing.Kind.MARKET) {
            listing.chainTxId = chain.updatePrice(listing, price);
        }
        listing.priceWei = price;
        listing.updatedAt = Instant.now();
        sales.cancelUnusedVouchers();
        Activity activity = Activity.record(listing.artworkId, Activity.Kind.REPRICED, caller.id());
        activity.priceWei = price;
        activity.fromAddress = listing.sellerAddress;
        return view(listing);
    }

    @Transactional
    public void withdraw(UUID listingId, Caller caller) {
        close(ownActive(listingId, caller), caller.id());
    }

    /** Withdraws an active listing whose row the caller's transaction locked or is about to change. */
    public void close(Listing listing, UUID actorId) {
        requireNoPurchaseInFlight(listing);
        if (listing.kind == Listing.Kind.MARKET) {
            chain.cancel(listing).ifPresent(tx -> listing.chainTxId = tx);
        }
        listing.status = Listing.Status.WITHDRAWN;
        sales.cancelUnusedVouchers();
        listing.closedAt = Instant.now();
        listing.updatedAt = listing.closedAt;
        Activity activity = Activity.record(listing.artworkId, Activity.Kind.WITHDRAWN, actorId);
        activity.fromAddress = listing.sellerAddress;
    }

    public Optional<Listing> active(UUID artworkId) {
        return Listing.activeFor(artworkId);
    }

    public boolean purchaseInFlight(Listing listing) {
        return sales.purchaseInFlight(listing.id);
    }

    public boolean visible(Listing listing, Caller caller) {
        if (caller.admin() || caller.is(listing.sellerId)) {
            return true;
        }
        Artwork artwork = Artwork.findById(listing.artworkId);
        return listing.status == Listing.Status.ACTIVE && artwork.published && !artwork.hidden;
    }

    ListingView view(Listing listing) {
        Optional<ChainTransaction> tx = listing.chainTxId == null ? Optional.empty() : outbox.find(listing.chainTxId);
        return ListingView.of(listing, tx.orElse(null));
    }

    private Listing ownActive(UUID listingId, Caller caller) {
        Listing listing = Listing.<Listing>findByIdOptional(listingId, LockModeType.PESSIMISTIC_WRITE)
                .filter(found -> visible(found, caller))
                .orElseThrow(() -> Refusal.of(ProblemType.NOT_FOUND, "no such listing"));
        if (!caller.is(listing.sellerId)) {
            throw Refusal.of(ProblemType.FORBIDDEN, "only the seller can change this listing");
        }
        if (listing.status != Listing.Status.ACTIVE) {
            throw Refusal.of(
                    ProblemType.LISTING_UNAVAILABLE,
                    "the listing is " + listing.status.name().toLowerCase());
        }
        return listing;
    }

    private void requireNoPurchaseInFlight(Listing listing) {
        if (purchaseInFlight(listing)) {
            throw Refusal.of(ProblemType.CONFLICT, "a purchase of this listing is in flight; try again after it ends");
        }
    }

    /** Inserts the listing now, so that a second active listing is refused before anything goes to the chain. */
    private void persistAlone(Listing listing) {
        try {
            listing.persist();
            entityManager.flush();
        } catch (PersistenceException e) {
            throw Refusal.of(ProblemType.CONFLICT, "the artwork already has an active listing");
        }
    }
}
