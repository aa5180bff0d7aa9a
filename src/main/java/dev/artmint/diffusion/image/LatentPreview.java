package dev.artmint.diffusion.image;

import java.awt.image.BufferedImage;

/**
 * A cheap preview of latents without the VAE: a fixed linear map from the four latent channels to RGB (the Stable
 * Diffusion 1.x factors AUTOMATIC1111's "cheap approximation" uses), one pixel per latent.
 */
public final class LatentPreview {

    private static final float[][] FACTORS = {
        {0.298f, 0.207f, 0.208f},
        {0.187f, 0.286f, 0.173f},
        {-0.158f, 0.189f, 0.264f},
        {-0.184f, -0.271f, -0.473f},
    };

    private LatentPreview() {}

    /** Projects one image's scaled latents [4, h, w] starting at {@code offset}. */
    public static BufferedImage project(float[] latents, int offset, int latentWidth, int latentHeight) {
        int plane = latentWidth * latentHeight;
        BufferedImage image = new BufferedImage(latentWidth, latentHeight, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int packed = 0;
            for (int c = 0; c < 3; c++) {
                float value = 0;
                for (int k = 0; k < FACTORS.length; k++) {
                    value += latents[offset + k * plane + i] * FACTORS[k][c];
                }
                int channel = Math.round((Math.max(-1f, Math.min(1f, value)) + 1f) * 127.5f);
                packed = (packed << 8) | channel;
            }
            rgb[i] = packed;
        }
        image.getRaster().setDataElements(0, 0, latentWidth, latentHeight, rgb);
        return image;
    }
}
