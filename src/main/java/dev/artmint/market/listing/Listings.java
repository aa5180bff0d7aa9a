package dev.artmint.market.listing;

import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.CreatorRoles;
import dev.artmint.chain.Minting;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.identity.Caller;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.market.Activity;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.Artworks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Listings by an artwork's current holder. An unminted artwork is listed by its creator and sold by voucher (LAZY_MINT,
 * after the platform granted the creator's wallet CREATOR_ROLE); a minted token is listed on the ArtMarket contract
 * from the holder's custodial wallet (MARKET), and repricing or withdrawing it goes there too.
 *
 * <p>Chain before database: the chain is read and written only between short transactions, never inside one and never
 * under a row lock. A MARKET listing is reserved first (LISTING), its list transaction sent, then it is ACTIVE; a
 * withdrawal marks it WITHDRAWING, sends the cancel, and {@link ListingWithdrawals} or the indexer makes it WITHDRAWN
 * once the cancel is mined (or ACTIVE again when the cancel failed and the market still holds the listing).
 */
@ApplicationScoped
public class Listings {

    private final Holders holders;
    private final Wallets wallets;
    private final ChainListings chain;
    private final CreatorRoles creatorRoles;
    private final Minting minting;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final SaleRecords sales;

    Listings(
            Holders holders,
            Wallets wallets,
            ChainListings chain,
            CreatorRoles creatorRoles,
            Minting minting,
            Outbox outbox,
            EntityManager entityManager,
            SaleRecords sales) {
        this.holders = holders;
        this.wallets = wallets;
        this.chain = chain;
        this.creatorRoles = creatorRoles;
        this.minting = minting;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.sales = sales;
    }

    public ListingView create(Caller caller, UUID artworkId, BigInteger price) {
        Artwork artwork = QuarkusTransaction.requiringNew()
                .call(() -> Artwork.<Artwork>findByIdOptional(artworkId))
                .filter(found -> Artworks.mayRead(found.published, found.hidden, found.creatorId, caller))
                .orElseThrow(() -> Refusal.of(ProblemType.NOT_FOUND, "no such artwork"));
        Holders.Holder holder = QuarkusTransaction.requiringNew().call(() -> holders.of(artwork));
        requireListable(caller, artwork, holder);
        boolean approved = true;
        if (holder.kind() == Listing.Kind.MARKET) {
            approved = chain.approved(holder.address());
            chain.requireGas(holder.address(), approved ? 1 : 2);
        } else {
            requireNeverMinted(artwork);
            // the grant is the platform's and harmless without a listing: it may go first
            creatorRoles.ensureGranted(holder.address());
        }
        Listing reserved = QuarkusTransaction.requiringNew().call(() -> reserve(caller, artworkId, holder, price));
        sales.cancelUnusedVouchers();
        if (reserved.kind == Listing.Kind.LAZY_MINT) {
            return view(reserved);
        }
        UUID listTx;
        try {
            listTx = chain.list(reserved, approved);
        } catch (RuntimeException e) {
            // nothing of it reached the market contract: the reservation goes
            QuarkusTransaction.requiringNew()
                    .run(() -> Listing.delete("id = ?1 and status = ?2", reserved.id, Listing.Status.LISTING));
            throw e;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Listing listing = Listing.<Listing>findByIdOptional(reserved.id, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow();
            activate(listing, listTx);
            return view(listing);
        });
    }

    /** A listing the caller may see: an active one of a visible published artwork, or any of theirs. */
    @Transactional
    public Optional<ListingView> find(UUID listingId, Caller caller) {
        return Listing.<Listing>findByIdOptional(listingId)
                .filter(listing -> visible(listing, caller))
                .map(this::view);
    }

    public ListingView reprice(UUID listingId, Caller caller, BigInteger price) {
        Listing checked = QuarkusTransaction.requiringNew().call(() -> {
            Listing listing = ownActive(listingId, caller);
            requireNoPurchaseInFlight(listing);
            if (listing.kind == Listing.Kind.LAZY_MINT) {
                repriced(listing, price, caller.id());
            }
            return listing;
        });
        sales.cancelUnusedVouchers();
        if (checked.kind == Listing.Kind.LAZY_MINT) {
            return QuarkusTransaction.requiringNew().call(() -> view(Listing.findById(listingId)));
        }
        UUID priceTx = chain.updatePrice(checked, price);
        return QuarkusTransaction.requiringNew().call(() -> {
            Listing listing = Listing.<Listing>findByIdOptional(listingId, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow();
            if (listing.status == Listing.Status.ACTIVE) {
                listing.chainTxId = priceTx;
                repriced(listing, price, caller.id());
            }
            return view(listing);
        });
    }

    /**
     * Withdraws the caller's active listing: a LAZY_MINT one at once (answers empty), a MARKET one by its on-chain
     * cancel (answers it WITHDRAWING; it is WITHDRAWN once the cancel is mined).
     */
    public Optional<ListingView> withdraw(UUID listingId, Caller caller) {
        Listing withdrawing = QuarkusTransaction.requiringNew().call(() -> {
            Listing listing = ownActive(listingId, caller);
            requireNoPurchaseInFlight(listing);
            if (listing.kind == Listing.Kind.LAZY_MINT) {
                ListingStates.close(listing, Listing.Status.WITHDRAWN);
            } else {
                listing.status = Listing.Status.WITHDRAWING;
                // whole milliseconds, as the database keeps them: the cancel's key is made from this time
                listing.updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            }
            return listing;
        });
        sales.cancelUnusedVouchers();
        if (withdrawing.kind == Listing.Kind.LAZY_MINT) {
            return Optional.empty();
        }
        Optional<UUID> cancel;
        try {
            cancel = chain.cancel(withdrawing, ListingWithdrawals.cancelKey(withdrawing));
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> ListingStates.reopen(listingId));
            throw e;
        }
        return Optional.of(QuarkusTransaction.requiringNew().call(() -> {
            Listing listing = Listing.<Listing>findByIdOptional(listingId, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow();
            if (listing.status == Listing.Status.WITHDRAWING) {
                if (cancel.isPresent()) {
                    listing.chainTxId = cancel.get();
                } else {
                    // the market holds no listing of the seller's for the token: nothing to wait for
                    ListingStates.close(listing, Listing.Status.WITHDRAWN);
                }
            }
            return view(listing);
        }));
    }

    /**
     * Withdraws a LAZY_MINT listing whose row the caller's transaction locked or is about to change. A MARKET listing
     * is refused: its withdrawal waits for the chain, so it cannot be part of another transaction.
     */
    public void close(Listing listing) {
        requireNoPurchaseInFlight(listing);
        if (listing.kind == Listing.Kind.MARKET) {
            throw Refusal.of(
                    ProblemType.CONFLICT,
                    "the token is listed on the market; withdraw listing " + listing.id
                            + " first (its cancel must be mined)");
        }
        ListingStates.close(listing, Listing.Status.WITHDRAWN);
        sales.cancelUnusedVouchers();
    }

    public Optional<Listing> active(UUID artworkId) {
        return Listing.activeFor(artworkId);
    }

    /** The artwork's open listing: active, or waiting for its list or cancel transaction. */
    public Optional<Listing> open(UUID artworkId) {
        return Listing.openFor(artworkId);
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

    private void requireListable(Caller caller, Artwork artwork, Holders.Holder holder) {
        if (holder.userId() == null) {
            if (wallets.isLinked(caller.id(), holder.address())) {
                throw Refusal.of(
                        ProblemType.CONFLICT,
                        "the token is in your external address " + holder.address()
                                + "; ArtMint lists tokens held in your custodial wallet only: transfer it there to "
                                + "list it");
            }
            throw Refusal.of(ProblemType.FORBIDDEN, "only the holder of the artwork's token can list it");
        }
        if (!holder.userId().equals(caller.id())) {
            throw Refusal.of(ProblemType.FORBIDDEN, "only the artwork's current owner can list it");
        }
        if (artwork.hidden) {
            throw Refusal.of(ProblemType.CONFLICT, "a moderator hid this artwork; it cannot be listed");
        }
        if (!artwork.published) {
            throw Refusal.of(ProblemType.CONFLICT, "publish the artwork before listing it");
        }
    }

    /**
     * A lazy mint mints the token to its buyer, so the artwork must have no token yet: no mint asked for (in flight or
     * done), no recorded sale and no owner on the chain (the index may lag behind it).
     */
    private void requireNeverMinted(Artwork artwork) {
        Optional<ChainTransaction> mint = minting.mintOf(artwork.tokenId).filter(tx -> tx.status != TxStatus.FAILED);
        if (mint.isPresent()) {
            throw Refusal.of(
                    ProblemType.CONFLICT,
                    "the artwork's token is minted or being minted (" + mint.get().hash
                            + "); list it on the market once the mint is confirmed");
        }
        if (QuarkusTransaction.requiringNew().call(() -> sales.sold(artwork.id))) {
            throw Refusal.of(ProblemType.CONFLICT, "the artwork was sold; only its token's holder can list it");
        }
        Optional<String> owner = chain.holderOnChain(artwork.tokenId);
        if (owner.isPresent()) {
            throw Refusal.of(
                    ProblemType.CONFLICT,
                    "the chain shows the artwork's token held by " + owner.get() + "; try again shortly");
        }
    }

    /** Inserts the listing under the artwork's row lock: LISTING for the market (until it is sent), else ACTIVE. */
    private Listing reserve(Caller caller, UUID artworkId, Holders.Holder holder, BigInteger price) {
        Artwork artwork = Artwork.<Artwork>findByIdOptional(artworkId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.of(ProblemType.NOT_FOUND, "no such artwork"));
        if (artwork.hidden || !artwork.published) {
            throw Refusal.of(ProblemType.CONFLICT, "the artwork was hidden or unpublished meanwhile");
        }
        open(artworkId).ifPresent(listing -> {
            throw Refusal.of(ProblemType.CONFLICT, "the artwork already has an open listing, " + listing.id);
        });
        if (holder.kind() == Listing.Kind.LAZY_MINT) {
            requireNoMintUnderLock(artwork);
        }
        Listing listing = new Listing();
        listing.id = UUID.randomUUID();
        listing.artworkId = artworkId;
        listing.tokenId = artwork.tokenId;
        listing.sellerId = caller.id();
        listing.sellerAddress = holder.address();
        listing.priceWei = price;
        listing.kind = holder.kind();
        listing.status = holder.kind() == Listing.Kind.MARKET ? Listing.Status.LISTING : Listing.Status.ACTIVE;
        listing.createdAt = Instant.now();
        listing.updatedAt = listing.createdAt;
        persistAlone(listing);
        if (listing.kind == Listing.Kind.LAZY_MINT) {
            listed(listing);
        }
        return listing;
    }

    /**
     * A mint takes its claim (the mint_claim row) under the same row lock and holds it until its transaction is in the
     * outbox, so under the lock a mint is either claimed, recorded, or not asked for: the lazy mint is refused in the
     * first two cases, and a later mint sees this listing.
     */
    private void requireNoMintUnderLock(Artwork artwork) {
        boolean claimed = !entityManager
                .createNativeQuery("select 1 from mint_claim where artwork_id = ?1")
                .setParameter(1, artwork.id)
                .getResultList()
                .isEmpty();
        boolean recorded = minting.mintOf(artwork.tokenId)
                .filter(tx -> tx.status != TxStatus.FAILED)
                .isPresent();
        if (claimed || recorded) {
            throw Refusal.of(
                    ProblemType.CONFLICT,
                    "the artwork's token is being minted; list it on the market once the mint is confirmed");
        }
    }

    /** The list transaction is sent: the listing is ACTIVE (a purchase waits until that transaction is confirmed). */
    static void activate(Listing listing, UUID listTx) {
        if (listing.status != Listing.Status.LISTING) {
            return;
        }
        listing.chainTxId = listTx;
        listing.status = Listing.Status.ACTIVE;
        listing.updatedAt = Instant.now();
        listed(listing);
    }

    private static void listed(Listing listing) {
        Activity activity = Activity.record(listing.artworkId, Activity.Kind.LISTED, listing.sellerId);
        activity.priceWei = listing.priceWei;
        activity.fromAddress = listing.sellerAddress;
    }

    private static void repriced(Listing listing, BigInteger price, UUID actorId) {
        listing.priceWei = price;
        listing.updatedAt = Instant.now();
        Activity activity = Activity.record(listing.artworkId, Activity.Kind.REPRICED, actorId);
        activity.priceWei = price;
        activity.fromAddress = listing.sellerAddress;
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

    /** Inserts the listing now, so that a second open listing is refused before anything goes to the chain. */
    private void persistAlone(Listing listing) {
        try {
            listing.persist();
            entityManager.flush();
        } catch (PersistenceException e) {
            throw Refusal.of(ProblemType.CONFLICT, "the artwork already has an open listing");
        }
    }
}
