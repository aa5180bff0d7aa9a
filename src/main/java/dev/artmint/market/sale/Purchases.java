package dev.artmint.market.sale;

import dev.artmint.chain.ChainNode;
import dev.artmint.chain.Outbox;
import dev.artmint.identity.Caller;
import dev.artmint.identity.wallet.Wallet;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.market.MarketConfig;
import dev.artmint.market.listing.Listing;
import dev.artmint.market.listing.Listings;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Buyers ask to buy a listing; of concurrent buyers exactly one gets a purchase in flight (the listing's row lock, and
 * the purchase_one_open index behind it). The purchase settles asynchronously, see {@link Settlement}.
 */
@ApplicationScoped
public class Purchases {

    private final Listings listings;
    private final Wallets wallets;
    private final ChainNode node;
    private final Outbox outbox;
    private final Settlement settlement;
    private final MarketConfig config;
    private final EntityManager entityManager;

    Purchases(
            Listings listings,
            Wallets wallets,
            ChainNode node,
            Outbox outbox,
            Settlement settlement,
            MarketConfig config,
            EntityManager entityManager) {
        this.listings = listings;
        this.wallets = wallets;
        this.node = node;
        this.outbox = outbox;
        this.settlement = settlement;
        this.config = config;
        this.entityManager = entityManager;
    }

    /** Accepts a purchase of the listing at its current price, or refuses it before anything is recorded. */
    public PurchaseView buy(UUID listingId, Caller buyer) {
        UUID buyerId = buyer.id();
        Listing listing = QuarkusTransaction.requiringNew()
                .call(() -> Listing.<Listing>findByIdOptional(listingId)
                        .filter(found -> listings.visible(found, buyer))
                        .orElseThrow(() -> Refusal.of(ProblemType.NOT_FOUND, "no such listing")));
        if (listing.sellerId.equals(buyerId)) {
            throw Refusal.of(ProblemType.CONFLICT, "this is your own listing; you cannot buy it");
        }
        requireActive(listing);
        Wallet wallet = wallets.custodial(buyerId);
        BigInteger gas = node.gasCost(BigInteger.valueOf(config.purchaseGasLimit()));
        BigInteger balance = wallets.balance(wallet.address);
        requireFunds(listing, gas, balance, BigInteger.ZERO);
        Purchase purchase = QuarkusTransaction.requiringNew().call(() -> {
            // the wallet's row lock serialises this buyer's purchases, so each one sees what the others reserved
            Wallet.findById(buyerId, LockModeType.PESSIMISTIC_WRITE);
            requireFunds(listing, gas, balance, reserved(buyerId, wallet.address, gas));
            return record(listing, buyerId, wallet.address);
        });
        settlement.kick();
        return PurchaseView.of(purchase, null);
    }

    /**
     * What the buyer's wallet has promised already: its purchases whose transaction is not in the outbox yet, at their
     * price and the purchase gas, and every transaction of it the outbox has in flight.
     */
    private BigInteger reserved(UUID buyerId, String address, BigInteger gas) {
        BigInteger pending =
                Purchase.<Purchase>list("buyerId = ?1 and status = ?2", buyerId, Purchase.Status.PENDING).stream()
                        .map(open -> open.priceWei.add(gas))
                        .reduce(BigInteger.ZERO, BigInteger::add);
        return pending.add(outbox.committed(address));
    }

    private static void requireFunds(Listing listing, BigInteger gas, BigInteger balance, BigInteger reserved) {
        BigInteger needed = listing.priceWei.add(gas).add(reserved);
        if (balance.compareTo(needed) < 0) {
            String purpose = "buying at " + listing.priceWei + " wei plus gas"
                    + (reserved.signum() == 0 ? "" : ", on top of the " + reserved + " wei it has promised already,");
            throw Refusal.insufficientFunds(purpose, needed, balance);
        }
    }

    /** A purchase its buyer, the listing's seller or an admin may see. */
    public Optional<PurchaseView> find(UUID purchaseId, Caller caller) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Purchase.<Purchase>findByIdOptional(purchaseId)
                        .filter(purchase -> caller.admin()
                                || caller.is(purchase.buyerId)
                                || Listing.<Listing>findByIdOptional(purchase.listingId)
                                        .map(listing -> caller.is(listing.sellerId))
                                        .orElse(false)))
                .map(purchase -> PurchaseView.of(
                        purchase,
                        purchase.chainTxId == null
                                ? null
                                : outbox.find(purchase.chainTxId).orElse(null)));
    }

    private Purchase record(Listing seen, UUID buyerId, String buyerAddress) {
        Listing listing = Listing.<Listing>findByIdOptional(seen.id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow();
        requireActive(listing);
        if (listing.priceWei.compareTo(seen.priceWei) != 0) {
            throw Refusal.of(ProblemType.LISTING_UNAVAILABLE, "the price changed to " + listing.priceWei + " wei");
        }
        if (listings.purchaseInFlight(listing)) {
            throw unavailable();
        }
        Purchase purchase = new Purchase();
        purchase.id = UUID.randomUUID();
        purchase.listingId = listing.id;
        purchase.buyerId = buyerId;
        purchase.buyerAddress = buyerAddress;
        purchase.priceWei = listing.priceWei;
        purchase.status = Purchase.Status.PENDING;
        purchase.createdAt = Instant.now();
        purchase.updatedAt = purchase.createdAt;
        try {
            purchase.persist();
            entityManager.flush();
        } catch (PersistenceException e) {
            throw unavailable();
        }
        return purchase;
    }

    private static void requireActive(Listing listing) {
        if (listing.status != Listing.Status.ACTIVE) {
            throw Refusal.of(
                    ProblemType.LISTING_UNAVAILABLE,
                    "the listing is " + listing.status.name().toLowerCase());
        }
    }

    private static Refusal unavailable() {
        return Refusal.of(ProblemType.LISTING_UNAVAILABLE, "another buyer's purchase of this listing is in flight");
    }
}
