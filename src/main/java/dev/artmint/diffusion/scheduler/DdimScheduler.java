package dev.artmint.diffusion.scheduler;

/** Deterministic DDIM (eta = 0), diffusers DDIMScheduler semantics. */
final class DdimScheduler extends AlphaSpaceScheduler {

    private final PredictionType prediction;
    private final int stepRatio;
    private final double finalAlphaCumprod;
    private final boolean clipSample;
    private final double clipRange;

    DdimScheduler(SchedulerConfig config, int steps) {
        super(
                new NoiseSchedule(config),
                Timesteps.descending(config, config.timestepSpacing().orElse(TimestepSpacing.LEADING), steps, true));
        prediction = config.predictionType();
        stepRatio = config.numTrainTimesteps() / steps;
        finalAlphaCumprod = config.setAlphaToOne().orElse(true) ? 1.0 : schedule.alphaCumprod(0);
        clipSample = config.clipSample().orElse(true);
        clipRange = config.clipSampleRange();
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
