package dev.artmint.market.publish;

import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.Licence;
import java.time.Instant;
import java.util.UUID;

/** What an artwork's creator published about it; the token id is a decimal string. */
public record PublicationView(
        UUID artworkId,
        boolean published,
        String title,
        String description,
        Licence licence,
        Integer royaltyBps,
        Instant publishedAt,
        String tokenId) {

    static PublicationView of(Artwork artwork) {
        return new PublicationView(
                artwork.id,
                artwork.published,
                artwork.title,
                artwork.description,
                artwork.licence,
                artwork.royaltyBps,
                artwork.publishedAt,
                artwork.tokenId.toString());
    }
}
