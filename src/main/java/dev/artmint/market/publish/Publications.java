package dev.artmint.market.publish;

import dev.artmint.identity.Caller;
import dev.artmint.market.Activity;
import dev.artmint.market.ArtworkPublished;
import dev.artmint.market.listing.Holders;
import dev.artmint.market.listing.Listings;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.Licence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Creators publish their artworks (title, description, licence, royalty) and withdraw them again while nobody else
 * holds or bought them. Observers of {@link ArtworkPublished} change in the same transaction.
 */
@ApplicationScoped
public class Publications {

    private final Listings listings;
    private final Holders holders;
    private final Event<ArtworkPublished> published;

    Publications(Listings listings, Holders holders, Event<ArtworkPublished> published) {
        this.listings = listings;
        this.holders = holders;
        this.published = published;
    }

    @Transactional
    public PublicationView publish(UUID artworkId, Caller caller, PublishRequest request) {
        Artwork artwork = ownArtwork(artworkId, caller, "publish");
        if (artwork.hidden) {
            throw Refusal.of(ProblemType.CONFLICT, "a moderator hid this artwork; it cannot be published");
        }
        int royalty =
                request.royaltyBps() != null ? request.royaltyBps() : Objects.requireNonNullElse(artwork.royaltyBps, 0);
        if (artwork.royaltyBps != null && royalty != artwork.royaltyBps) {
            if (holders.minted(artwork) || holders.sold(artwork)) {
                throw Refusal.of(
                        ProblemType.CONFLICT,
                        "the royalty is fixed once the artwork is minted or sold (it is " + artwork.royaltyBps
                                + " bps)");
            }
            if (listings.active(artwork.id).map(listings::purchaseInFlight).orElse(false)) {
                throw Refusal.of(
                        ProblemType.CONFLICT, "a purchase of this artwork is in flight; try again after it ends");
            }
        }
        artwork.title = request.title().strip();
        artwork.description = request.description();
        artwork.licence = request.licence() != null
                ? request.licence()
                : Objects.requireNonNullElse(artwork.licence, Licence.PERSONAL);
        artwork.royaltyBps = royalty;
        if (!artwork.published) {
            artwork.published = true;
            artwork.publishedAt = Instant.now();
        }
        Activity.record(artwork.id, Activity.Kind.PUBLISHED, caller.id());
        published.fire(new ArtworkPublished(artwork.id));
        return PublicationView.of(artwork);
    }

    @Transactional
    public PublicationView unpublish(UUID artworkId, Caller caller) {
        Artwork artwork = ownArtwork(artworkId, caller, "unpublish");
        if (!artwork.published) {
            return PublicationView.of(artwork);
        }
        if (holders.sold(artwork) || holders.heldByOther(artwork)) {
            throw Refusal.of(
                    ProblemType.CONFLICT, "this artwork was sold or minted to someone else; it stays published");
        }
        listings.open(artwork.id).ifPresent(listings::close);
        artwork.published = false;
        Activity.record(artwork.id, Activity.Kind.UNPUBLISHED, caller.id());
        published.fire(new ArtworkPublished(artwork.id));
        return PublicationView.of(artwork);
    }

    /**
     * The artwork, locked, when the caller created it: 404 when they cannot see it, 403 when they can but it is not
     * theirs.
     */
    private static Artwork ownArtwork(UUID artworkId, Caller caller, String action) {
        Artwork artwork = Artwork.<Artwork>findByIdOptional(artworkId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.of(ProblemType.NOT_FOUND, "no such artwork"));
        boolean creator = caller.is(artwork.creatorId);
        if (!creator && !(caller.admin() || !artwork.hidden && artwork.published)) {
            throw Refusal.of(ProblemType.NOT_FOUND, "no such artwork");
        }
        if (!creator) {
            throw Refusal.of(ProblemType.FORBIDDEN, "only the artwork's creator can " + action + " it");
        }
        return artwork;
    }
}
