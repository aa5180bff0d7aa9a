package dev.artmint.diffusion;

import java.util.List;

/** The images of one request, in seed order, with timings and any non-fatal warnings (such as truncation). */
public record GenerationResult(List<GeneratedImage> images, Timings timings, List<String> warnings) {

    public GenerationResult {
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
    }
}
