package dev.artmint.diffusion;

/** Thrown when a caller cancels a generation; it stops between two denoising steps. */
public final class GenerationCancelledException extends RuntimeException {

    private final int completedSteps;

    public GenerationCancelledException(int completedSteps) {
        super("generation cancelled after " + completedSteps + " steps");
        this.completedSteps = completedSteps;
    }

    public int completedSteps() {
        return completedSteps;
    }
}
