package dev.artmint.diffusion.scheduler;

/** Deterministic DDIM (eta = 0), diffusers DDIMScheduler semantics. */
final class DdimScheduler implements Scheduler {

    private final NoiseSchedule schedule;
    private final PredictionType prediction;
    private final double[] timesteps;
    private final int stepRatio;
    private final double finalAlphaCumprod;
    private final boolean clipSample;
    private final double clipRange;

    DdimScheduler(SchedulerConfig config, int steps) {
        schedule = new NoiseSchedule(config);
        prediction = config.predictionType();
        timesteps = Timesteps.descending(config, config.timestepSpacing().orElse(TimestepSpacing.LEADING), steps, true);
        stepRatio = config.numTrainTimesteps() / steps;
        finalAlphaCumprod = config.setAlphaToOne().orElse(true) ? 1.0 : schedule.alphaCumprod(0);
        clipSample = config.clipSample().orElse(true);
        clipRange = config.clipSampleRange();
    }

    @Override
    public int stepCount() {
        return timesteps.length;
    }

    @Override
    public double timestep(int index) {
        return timesteps[index];
    }

    @Override
    public double initNoiseSigma() {
        return 1.0;
    }

    @Override
    public double modelInputScale(int index) {
        return 1.0;
    }

    @Override
    public void addNoise(float[] latents, float[] noise, int index) {
        double alpha = schedule.alphaCumprod((int) timesteps[index]);
        double a = Math.sqrt(alpha);
        double b = Math.sqrt(1 - alpha);
        for (int i = 0; i < latents.length; i++) {
            latents[i] = (float) (a * latents[i] + b * noise[i]);
        }
    }

    @Override
    public void step(int index, float[] modelOutput, float[] sample, NoiseSource noise) {
        int t = (int) timesteps[index];
        int previous = t - stepRatio;
        double alpha = schedule.alphaCumprod(t);
        double alphaPrev = previous >= 0 ? schedule.alphaCumprod(previous) : finalAlphaCumprod;
        double sqrtAlpha = Math.sqrt(alpha);
        double sqrtBeta = Math.sqrt(1 - alpha);
        double sqrtAlphaPrev = Math.sqrt(alphaPrev);
        double direction = Math.sqrt(1 - alphaPrev);
        for (int i = 0; i < sample.length; i++) {
            double x = sample[i];
            double m = modelOutput[i];
            double x0;
            double eps;
            if (prediction == PredictionType.EPSILON) {
                x0 = (x - sqrtBeta * m) / sqrtAlpha;
                eps = m;
            } else {
                x0 = sqrtAlpha * x - sqrtBeta * m;
                eps = sqrtAlpha * m + sqrtBeta * x;
            }
            if (clipSample) {
                x0 = Math.max(-clipRange, Math.min(clipRange, x0));
            }
            sample[i] = (float) (sqrtAlphaPrev * x0 + direction * eps);
        }
    }
}
