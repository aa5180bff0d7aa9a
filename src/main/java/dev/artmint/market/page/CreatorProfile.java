package dev.artmint.market.page;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A creator's public profile and one page of their published works, newest first. */
public record CreatorProfile(
        String handle,
        String displayName,
        String bio,
        Instant joinedAt,
        Counts counts,
        List<Work> works,
        String nextCursor) {

    /** Published, visible works, and sales with the creator as seller. */
    public record Counts(long published, long sold) {}

    /**
     * One work; {@code priceWei} is the active listing's price, null when it is not for sale, and {@code minted}
     * whether the chain shows its token.
     */
    public record Work(
            UUID artworkId,
            String title,
            String thumbnail,
            int likes,
            String priceWei,
            Instant publishedAt,
            boolean minted) {}
}
