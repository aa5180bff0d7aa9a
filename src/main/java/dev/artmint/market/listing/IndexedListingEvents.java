package dev.artmint.market.listing;

import dev.artmint.chain.IndexedEvent;
import dev.artmint.market.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the chain's events, as the indexer reads them at the safe depth, do to the platform's MARKET listings: a cancel
 * or a sale made outside the platform closes the listing (WITHDRAWN, or SOLD with the buyer in the activity), a price
 * set on the market directly becomes the listing's price, and a transfer away from the seller closes a listing that has
 * gone stale. Transactions the outbox sent are the platform's own; their features record them. Each change is kept with
 * what the listing was before, in the indexer's transaction, so that a reorganisation undoes exactly it.
 */
@ApplicationScoped
class IndexedListingEvents {

    private final EntityManager entityManager;

    IndexedListingEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void on(@Observes IndexedEvent event) {
        switch (event.kind()) {
            case CANCELLED ->
                bySeller(event, List.of(Listing.Status.ACTIVE, Listing.Status.WITHDRAWING))
                        .ifPresent(listing -> close(event, listing, Listing.Status.WITHDRAWN));
            case SOLD -> {
                if (!event.platformSent()) {
                    bySeller(event, Listing.Status.OPEN).ifPresent(listing -> soldOutside(event, listing));
                }
            }
            case LISTED, PRICE_UPDATED ->
                bySeller(event, List.of(Listing.Status.ACTIVE))
                        .filter(listing -> !listing.priceWei.equals(event.priceWei()))
                        .ifPresent(listing -> repriced(event, listing));
            case TRANSFER -> {
                if (!event.platformSent()) {
                    Listing.openOnMarket(event.tokenId())
                            .filter(listing -> !listing.sellerAddress.equalsIgnoreCase(event.to()))
                            .ifPresent(listing -> close(event, listing, Listing.Status.WITHDRAWN));
                }
            }
        }
    }

    /** Restores, newest first, every listing the undone blocks changed, and drops the activity those changes wrote. */
    @SuppressWarnings("unchecked")
    void on(@Observes IndexedEvent.Undone undone) {
        List<Object[]> effects = entityManager
                .createNativeQuery("""
                select listing_id, previous_status, previous_price_wei, previous_closed_at, activity_id
                from listing_effect where block_number > ?1 order by id desc""")
                .setParameter(1, undone.ancestor())
                .getResultList();
        for (Object[] effect : effects) {
            Listing listing = entityManager.find(Listing.class, effect[0]);
            listing.status = Listing.Status.valueOf((String) effect[1]);
            listing.priceWei = ((BigDecimal) effect[2]).toBigIntegerExact();
            listing.closedAt = effect[3] == null ? null : instant(effect[3]);
            listing.updatedAt = Instant.now();
            if (effect[4] != null) {
                Activity.deleteById(((Number) effect[4]).longValue());
            }
        }
        entityManager.flush();
        entityManager
                .createNativeQuery("delete from listing_effect where block_number > ?1")
                .setParameter(1, undone.ancestor())
                .executeUpdate();
    }

    private Optional<Listing> bySeller(IndexedEvent event, List<Listing.Status> statuses) {
        return Listing.<Listing>find(
                        "tokenId = ?1 and kind = ?2 and status in ?3 and lower(sellerAddress) = ?4",
                        event.tokenId(),
                        Listing.Kind.MARKET,
                        statuses,
                        event.from().toLowerCase())
                .firstResultOptional();
    }

    private void close(IndexedEvent event, Listing listing, Listing.Status status) {
        Effect before = Effect.of(listing);
        Activity activity = ListingStates.close(listing, status);
        before.record(event, activity);
    }

    private void soldOutside(IndexedEvent event, Listing listing) {
        Effect before = Effect.of(listing);
        ListingStates.close(listing, Listing.Status.SOLD);
        Activity activity = Activity.record(listing.artworkId, Activity.Kind.SOLD, null);
        activity.priceWei = event.priceWei();
        activity.fromAddress = event.from();
        activity.toAddress = event.to();
        activity.txHash = event.txHash();
        before.record(event, activity);
    }

    private void repriced(IndexedEvent event, Listing listing) {
        Effect before = Effect.of(listing);
        listing.priceWei = event.priceWei();
        listing.updatedAt = Instant.now();
        Activity activity = Activity.record(listing.artworkId, Activity.Kind.REPRICED, listing.sellerId);
        activity.priceWei = event.priceWei();
        activity.fromAddress = listing.sellerAddress;
        activity.txHash = event.txHash();
        before.record(event, activity);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            default -> (Instant) value;
        };
    }

    /** A listing as it was before an event changed it. */
    private record Effect(UUID listingId, Listing.Status status, BigInteger priceWei, Instant closedAt) {

        static Effect of(Listing listing) {
            return new Effect(listing.id, listing.status, listing.priceWei, listing.closedAt);
        }

        void record(IndexedEvent event, Activity activity) {
            Listing.getEntityManager()
                    .createNativeQuery("""
                    insert into listing_effect (block_number, log_index, listing_id, previous_status,
                        previous_price_wei, previous_closed_at, activity_id)
                    values (?1, ?2, ?3, ?4, ?5, cast(?6 as timestamptz), cast(?7 as bigint))""")
                    .setParameter(1, event.blockNumber())
                    .setParameter(2, event.logIndex())
                    .setParameter(3, listingId)
                    .setParameter(4, status.name())
                    .setParameter(5, new BigDecimal(priceWei))
                    .setParameter(6, closedAt == null ? null : closedAt.toString())
                    .setParameter(7, activity == null ? null : activity.id.toString())
                    .executeUpdate();
        }
    }
}
