package dev.artmint.studio;

import java.time.Instant;
import java.util.UUID;

/** An artwork as the API shows it, with where to fetch its image and thumbnail. */
public record ArtworkView(UUID id, UUID jobId, int imageIndex, UUID creatorId, UUID parentId, String model, long seed,
                          int width, int height, String imageSha256, String provenanceHash, boolean published,
                          boolean hidden, Instant createdAt, String image, String thumbnail) {

    static ArtworkView of(Artwork artwork) {
        String base = "/api/artworks/" + artwork.id;
        return new ArtworkView(artwork.id, artwork.jobId, artwork.imageIndex, artwork.creatorId, artwork.parentId,
                artwork.model, artwork.seed, artwork.width, artwork.height, artwork.imageSha256,
                artwork.provenanceHash, artwork.published, artwork.hidden, artwork.createdAt, base + "/image",
                base + "/thumbnail");
    }
}
