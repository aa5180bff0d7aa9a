package dev.artmint.market.listing;

import dev.artmint.chain.ChainException;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.market.MarketConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Finishes what a MARKET listing waits for on the chain: a WITHDRAWING listing is WITHDRAWN once its cancel is
 * confirmed, or, when the cancel failed or was never sent, ACTIVE again if the market still holds it (else WITHDRAWN,
 * as the chain says); a LISTING one whose list transaction was recorded becomes ACTIVE, one left without it by a stop
 * is dropped. It reads the chain outside any transaction and changes each row in a short one of its own.
 */
@ApplicationScoped
class ListingWithdrawals {

    private static final Logger LOG = Logger.getLogger(ListingWithdrawals.class);

    private final Outbox outbox;
    private final ChainListings chain;
    private final MarketConfig config;

    ListingWithdrawals(Outbox outbox, ChainListings chain, MarketConfig config) {
        this.outbox = outbox;
        this.chain = chain;
        this.config = config;
    }

    /** The idempotency key of a withdrawal's cancel: one per withdrawal, found again from the row after a stop. */
    static String cancelKey(Listing listing) {
        return "listing:" + listing.id + ":cancel:" + listing.updatedAt.toEpochMilli();
    }

    @Scheduled(
            identity = "listing-withdrawals",
            every = "${artmint.chain.outbox.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        List<Listing> waiting = QuarkusTransaction.requiringNew()
                .call(() -> Listing.<Listing>list(
                        "kind = ?1 and status in ?2",
                        Listing.Kind.MARKET,
                        List.of(Listing.Status.LISTING, Listing.Status.WITHDRAWING)));
        for (Listing listing : waiting) {
            try {
                if (listing.status == Listing.Status.WITHDRAWING) {
                    followWithdrawal(listing);
                } else {
                    followListing(listing);
                }
            } catch (ChainException e) {
                LOG.warnf("listing %s: following it on the chain failed for now: %s", listing.id, e.getMessage());
            }
        }
    }

    private void followWithdrawal(Listing listing) {
        Optional<ChainTransaction> cancel = outbox.find(cancelKey(listing));
        if (cancel.isPresent() && cancel.get().status == TxStatus.CONFIRMED) {
            settle(listing, Listing.Status.WITHDRAWN);
        } else if (cancel.map(tx -> tx.status == TxStatus.FAILED).orElse(notSentInTime(listing))) {
            boolean stillListed = chain.sellerOnChain(listing.tokenId)
                    .filter(listing.sellerAddress::equalsIgnoreCase)
                    .isPresent();
            settle(listing, stillListed ? Listing.Status.ACTIVE : Listing.Status.WITHDRAWN);
        }
    }

    private void followListing(Listing listing) {
        Optional<ChainTransaction> list = outbox.find("listing:" + listing.id + ":list");
        if (list.isPresent()) {
            QuarkusTransaction.requiringNew()
                    .run(() -> Listing.<Listing>findByIdOptional(listing.id, LockModeType.PESSIMISTIC_WRITE)
                            .ifPresent(row -> Listings.activate(row, list.get().id)));
        } else if (notSentInTime(listing)) {
            QuarkusTransaction.requiringNew()
                    .run(() -> Listing.delete("id = ?1 and status = ?2", listing.id, Listing.Status.LISTING));
        }
    }

    /** A stop between the row and its transaction leaves the row waiting for longer than any request takes. */
    private boolean notSentInTime(Listing listing) {
        return listing.updatedAt.plus(config.approvalWait().multipliedBy(2)).isBefore(Instant.now());
    }

    private static void settle(Listing seen, Listing.Status status) {
        QuarkusTransaction.requiringNew().run(() -> {
            Listing listing = Listing.<Listing>findByIdOptional(seen.id, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow();
            if (listing.status != Listing.Status.WITHDRAWING) {
                return;
            }
            if (status == Listing.Status.ACTIVE) {
                ListingStates.reopen(listing.id);
            } else {
                ListingStates.close(listing, status);
            }
        });
    }
}
