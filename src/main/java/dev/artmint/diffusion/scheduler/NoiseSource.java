package dev.artmint.diffusion.scheduler;

/** Fills a latent-shaped buffer with standard normal noise; ancestral samplers call it once per step. */
@FunctionalInterface
public interface NoiseSource {
    void fill(float[] target);
}
