package dev.artmint.market.browse;

import dev.artmint.market.CreatorRef;
import java.time.Instant;
import java.util.UUID;

/** One active listing as the browse page shows it; the price is wei as a decimal string. */
public record ListingCard(
        UUID listingId,
        UUID artworkId,
        String title,
        CreatorRef creator,
        String model,
        String priceWei,
        boolean minted,
        int likes,
        String thumbnail,
        String image,
        Instant listedAt) {}
