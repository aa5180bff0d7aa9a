package dev.artmint.diffusion;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/** Progress after a denoising step; {@code previews} holds one cheap latent preview per image on preview steps. */
public record StepProgress(int step, int total, Duration elapsed, List<BufferedImage> previews) {}
