package dev.artmint.diffusion.scheduler;

/** Latent consistency model multistep sampling (diffusers LCMScheduler). */
final class LcmScheduler extends AlphaSpaceScheduler {

    private static final double SIGMA_DATA = 0.5;

    private final PredictionType prediction;
    private final double finalAlphaCumprod;
    private final double timestepScaling;
    private final boolean clipSample;
    private final double clipRange;
    private float[] noise;

    LcmScheduler(SchedulerConfig config, int steps) {
        super(new NoiseSchedule(config), timesteps(config, steps));
        prediction = config.predictionType();
        finalAlphaCumprod = config.setAlphaToOne().orElse(true) ? 1.0 : schedule.alphaCumprod(0);
        timestepScaling = config.timestepScaling();
        clipSample = config.clipSample().orElse(false);
        clipRange = config.clipSampleRange();
    }

    /** LCM's skipping timesteps over the original inference schedule, from the highest noise level down. */
    private static double[] timesteps(SchedulerConfig config, int steps) {
        int original = config.originalInferenceSteps();
        if (steps > original) {
            throw new IllegalArgumentException(
                    "LCM supports at most original_inference_steps = " + original + " steps, got " + steps);
        }
        int k = config.numTrainTimesteps() / original;
        double[] result = new double[steps];
        double spacing = (double) original / steps;
        for (int i = 0; i < steps; i++) {
            int reversedIndex = (int) Math.floor(i * spacing);
            result[i] = (double) (original - reversedIndex) * k - 1;
        }
        return result;
    }

    @Override
    public void step(int index, float[] modelOutput, float[] sample, NoiseSource noiseSource) {
        int t = (int) timesteps[index];
        boolean last = index == timesteps.length - 1;
        int previous = last ? t : (int) timesteps[index + 1];
        double alpha = schedule.alphaCumprod(t);
        double alphaPrev = previous >= 0 ? schedule.alphaCumprod(previous) : finalAlphaCumprod;
        double scaled = t * timestepScaling;
        double cSkip = SIGMA_DATA * SIGMA_DATA / (scaled * scaled + SIGMA_DATA * SIGMA_DATA);
        double cOut = scaled / Math.sqrt(scaled * scaled + SIGMA_DATA * SIGMA_DATA);
        double sqrtAlpha = Math.sqrt(alpha);
        double sqrtBeta = Math.sqrt(1 - alpha);
        if (!last) {
            if (noise == null || noise.length != sample.length) {
                noise = new float[sample.length];
            }
            noiseSource.fill(noise);
        }
        double sqrtAlphaPrev = Math.sqrt(alphaPrev);
        double sqrtBetaPrev = Math.sqrt(1 - alphaPrev);
        for (int i = 0; i < sample.length; i++) {
            double x = sample[i];
            double x0 = prediction == PredictionType.EPSILON
                    ? (x - sqrtBeta * modelOutput[i]) / sqrtAlpha
                    : sqrtAlpha * x - sqrtBeta * modelOutput[i];
            if (clipSample) {
                x0 = Math.max(-clipRange, Math.min(clipRange, x0));
            }
            double denoised = cOut * x0 + cSkip * x;
            sample[i] = (float) (last ? denoised : sqrtAlphaPrev * denoised + sqrtBetaPrev * noise[i]);
        }
    }
}
