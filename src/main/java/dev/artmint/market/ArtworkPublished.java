package dev.artmint.market;

import java.util.UUID;

/**
 * Fired synchronously, inside the transaction that publishes an artwork or changes what its page says, so that
 * observers (the search index) change with it or not at all.
 */
public record ArtworkPublished(UUID artworkId) {}
