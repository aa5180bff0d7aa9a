package dev.artmint.provenance;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over an image's pixels as 8-bit RGB, row by row: the same for any lossless encoding of the image. */
public final class PixelDigest {

    private PixelDigest() {}

    public static String sha256(BufferedImage image) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
        int width = image.getWidth();
        int[] row = new int[width];
        byte[] rgb = new byte[width * 3];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                rgb[3 * x] = (byte) (row[x] >> 16);
                rgb[3 * x + 1] = (byte) (row[x] >> 8);
                rgb[3 * x + 2] = (byte) row[x];
            }
            digest.update(rgb);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
