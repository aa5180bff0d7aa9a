package dev.artmint.studio.job;

import java.util.UUID;

/**
 * What a caller asks the studio for. Every field but the prompt may be left out: the model's defaults fill it. With
 * {@code initArtworkId} it is a variation (image-to-image) of that artwork, by {@code strength}.
 */
public record GenerationSpec(
        String prompt,
        String negativePrompt,
        Long seed,
        Integer steps,
        Double guidance,
        Integer width,
        Integer height,
        Integer count,
        String scheduler,
        String model,
        UUID initArtworkId,
        Double strength) {}
