package dev.artmint.market.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.studio.artwork.Artwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The ERC-721 metadata JSON of a minted artwork, in the shape wallets and marketplaces read (OpenSea's conventions):
 * what the creator published, where the image and the artwork page are, and the recipe from the provenance record as
 * attributes.
 */
public record TokenMetadata(
        String name,
        String description,
        String image,
        @JsonProperty("external_url") String externalUrl,
        List<Attribute> attributes) {

    /** One trait; numbers stay numbers so that marketplaces can range over them. */
    public record Attribute(@JsonProperty("trait_type") String traitType, Object value) {}

    static TokenMetadata of(Artwork artwork, String publicUrl) {
        ProvenanceRecord recipe = ProvenanceRecord.parse(artwork.provenanceJson);
        String base = publicUrl.replaceAll("/+$", "");
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("Model", recipe.modelId()),
                new Attribute("Seed", recipe.seed()),
                new Attribute("Steps", recipe.steps()),
                new Attribute("Scheduler", recipe.scheduler()),
                new Attribute("Guidance", recipe.guidance()),
                new Attribute("Size", recipe.width() + "x" + recipe.height())));
        if (artwork.licence != null) {
            attributes.add(new Attribute("Licence", artwork.licence.name()));
        }
        if (artwork.royaltyBps != null) {
            attributes.add(new Attribute("Royalty (bps)", artwork.royaltyBps));
        }
        attributes.add(new Attribute("Provenance hash", artwork.provenanceHash));
        return new TokenMetadata(
                artwork.title,
                artwork.description == null ? "" : artwork.description,
                base + "/api/artworks/" + artwork.id + "/image",
                base + "/artworks/" + artwork.id,
                List.copyOf(attributes));
    }
}
