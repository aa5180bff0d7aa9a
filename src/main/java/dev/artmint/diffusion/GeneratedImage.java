package dev.artmint.diffusion;

import dev.artmint.diffusion.image.PngCodec;
import dev.artmint.diffusion.image.PngText;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** One generated image with its seed and its AUTOMATIC1111 "parameters" text. */
public record GeneratedImage(long seed, BufferedImage image, String parameters) {

    public static final String PARAMETERS_KEY = "parameters";

    /** PNG bytes carrying the "parameters" chunk. */
    public byte[] png() {
        return png(List.of());
    }

    /** PNG bytes carrying the "parameters" chunk followed by the caller's own text chunks. */
    public byte[] png(List<PngText> extraTexts) {
        List<PngText> texts = new ArrayList<>(extraTexts.size() + 1);
        texts.add(new PngText(PARAMETERS_KEY, parameters));
        texts.addAll(extraTexts);
        return PngCodec.write(image, texts);
    }
}
