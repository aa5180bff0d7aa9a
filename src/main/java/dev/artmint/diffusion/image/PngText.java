package dev.artmint.diffusion.image;

import java.nio.charset.StandardCharsets;

/**
 * One PNG text entry. Latin-1 text goes into a tEXt chunk, anything else into an uncompressed UTF-8 iTXt chunk, the
 * choice Pillow (and therefore AUTOMATIC1111) makes, so readers find it either way.
 */
public record PngText(String keyword, String text) {

    public PngText {
        if (keyword == null
                || keyword.isEmpty()
                || keyword.length() > 79
                || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(keyword)) {
            throw new IllegalArgumentException("PNG keywords are 1-79 Latin-1 characters: " + keyword);
        }
        if (text == null) {
            throw new IllegalArgumentException("PNG text must not be null");
        }
    }

    public boolean latin1() {
        return StandardCharsets.ISO_8859_1.newEncoder().canEncode(text);
    }
}
