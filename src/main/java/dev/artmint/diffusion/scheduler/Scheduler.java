package dev.artmint.diffusion.scheduler;

/**
 * One sampler configured for a fixed number of inference steps. Latents are flat float arrays; every operation works
 * element by element, so a batch is one array and each image's noise comes from the {@link NoiseSource} the caller
 * supplies.
 *
 * <p>A scheduler is stateful and not thread-safe: multistep samplers (DPM++ 2M) keep the previous step's model output,
 * and every step advances with the loop. Make one per generation, as the denoising loop does, and never share it
 * between threads or images run one after another.
 */
public sealed interface Scheduler permits EulerScheduler, AlphaSpaceScheduler, DpmSolverMultistepScheduler {

    int stepCount();

    /** The timestep the denoising model is conditioned on at this step (fractional for Euler with linspace). */
    double timestep(int index);

    /** Standard deviation of the initial noise for text-to-image. */
    double initNoiseSigma();

    /** Factor the latents are multiplied by before they go into the model at this step. */
    double modelInputScale(int index);

    /** Noises clean latents to the level of step {@code index}, in place (image-to-image start). */
    void addNoise(float[] latents, float[] noise, int index);

    /** Advances {@code sample} in place from step {@code index} to the next, given the model's output. */
    void step(int index, float[] modelOutput, float[] sample, NoiseSource noise);

    static Scheduler create(SchedulerKind kind, SchedulerConfig config, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1");
        }
        return switch (kind) {
            case EULER -> new EulerScheduler(config, steps, false);
            case EULER_A -> new EulerScheduler(config, steps, true);
            case DDIM -> new DdimScheduler(config, steps);
            case DPMPP_2M -> new DpmSolverMultistepScheduler(config, steps, false);
            case DPMPP_2M_KARRAS -> new DpmSolverMultistepScheduler(config, steps, true);
            case LCM -> new LcmScheduler(config, steps);
        };
    }
}
