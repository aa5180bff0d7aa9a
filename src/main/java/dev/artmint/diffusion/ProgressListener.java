package dev.artmint.diffusion;

/** Receives a call after every denoising step, on the generating thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> {};

    void onStep(StepProgress progress);
}
