package dev.artmint.studio.artwork;

import dev.artmint.provenance.ProvenanceRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * An artwork as the API shows it: where to fetch its image and thumbnail, the recipe from its provenance record, what
 * its creator published it as, and its token id ({@code minted} once the chain shows the token).
 */
public record ArtworkView(
        UUID id,
        UUID jobId,
        int imageIndex,
        UUID creatorId,
        UUID parentId,
        String model,
        String modelSha256,
        long seed,
        String prompt,
        String negativePrompt,
        int steps,
        double guidance,
        String scheduler,
        int width,
        int height,
        String imageSha256,
        String provenanceHash,
        String tokenId,
        boolean minted,
        boolean published,
        boolean hidden,
        String hiddenReason,
        String title,
        String description,
        Licence licence,
        Integer royaltyBps,
        Instant createdAt,
        String image,
        String thumbnail) {

    static ArtworkView of(Artwork artwork, boolean minted) {
        String base = "/api/artworks/" + artwork.id;
        ProvenanceRecord recipe = ProvenanceRecord.parse(artwork.provenanceJson);
        return new ArtworkView(
                artwork.id,
                artwork.jobId,
                artwork.imageIndex,
                artwork.creatorId,
                artwork.parentId,
                artwork.model,
                recipe.modelSha256(),
                artwork.seed,
                recipe.prompt(),
                recipe.negativePrompt(),
                recipe.steps(),
                recipe.guidance(),
                recipe.scheduler(),
                artwork.width,
                artwork.height,
                artwork.imageSha256,
                artwork.provenanceHash,
                artwork.tokenId.toString(),
                minted,
                artwork.published,
                artwork.hidden,
                artwork.hiddenReason,
                artwork.title,
                artwork.description,
                artwork.licence,
                artwork.royaltyBps,
                artwork.createdAt,
                base + "/image",
                base + "/thumbnail");
    }
}
