package dev.artmint.diffusion.image;

import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Conversions between RGB images and the VAE's planar [3, H, W] float layout in [-1, 1]. */
public final class ImageTensors {

    private ImageTensors() {}

    /** Planar RGB in [-1, 1] to an 8-bit RGB image, rounding to nearest. */
    public static BufferedImage toImage(float[] chw, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = width * height;
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r = toByte(chw[i]);
            int g = toByte(chw[plane + i]);
            int b = toByte(chw[2 * plane + i]);
            rgb[i] = (r << 16) | (g << 8) | b;
        }
        // the raster takes packed pixels as they are; setRGB would convert each through the colour model
        image.getRaster().setDataElements(0, 0, width, height, rgb);
        return image;
    }

    /** An image resized to {@code width x height} if needed, as planar RGB in [-1, 1]. */
    public static float[] toTensor(BufferedImage source, int width, int height) {
        BufferedImage image =
                source.getWidth() == width && source.getHeight() == height ? source : resize(source, width, height);
        int plane = width * height;
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] chw = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            chw[i] = ((rgb[i] >> 16) & 0xff) / 127.5f - 1f;
            chw[plane + i] = ((rgb[i] >> 8) & 0xff) / 127.5f - 1f;
            chw[2 * plane + i] = (rgb[i] & 0xff) / 127.5f - 1f;
        }
        return chw;
    }

    private static int toByte(float value) {
        float clamped = Math.max(-1f, Math.min(1f, value));
        // non-negative, so truncating after adding one half rounds to nearest like Math.round, only cheaper
        return (int) ((clamped + 1f) * 127.5f + 0.5f);
    }

    private static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = resized.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.drawImage(source.getScaledInstance(width, height, Image.SCALE_SMOOTH), 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return resized;
    }
}
