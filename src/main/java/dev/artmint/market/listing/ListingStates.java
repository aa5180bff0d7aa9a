package dev.artmint.market.listing;

import dev.artmint.market.Activity;
import java.time.Instant;
import java.util.UUID;

/**
 * The changes of a listing's status that the withdrawal, its follow-up and the indexer share; each joins the caller's
 * transaction.
 */
final class ListingStates {

    private ListingStates() {}

    /** Closes the listing as WITHDRAWN or SOLD; records a withdrawal as the seller's activity and answers it. */
    static Activity close(Listing listing, Listing.Status status) {
        listing.status = status;
        listing.closedAt = Instant.now();
        listing.updatedAt = listing.closedAt;
        if (status != Listing.Status.WITHDRAWN) {
            return null;
        }
        Activity activity = Activity.record(listing.artworkId, Activity.Kind.WITHDRAWN, listing.sellerId);
        activity.fromAddress = listing.sellerAddress;
        return activity;
    }

    /** A withdrawal whose cancel never took effect: the listing is ACTIVE again. */
    static void reopen(UUID listingId) {
        Listing.update(
                "status = ?1, updatedAt = ?2 where id = ?3 and status = ?4",
                Listing.Status.ACTIVE,
                Instant.now(),
                listingId,
                Listing.Status.WITHDRAWING);
    }
}
