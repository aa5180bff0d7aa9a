package dev.artmint.diffusion.scheduler;

/** Euler and Euler ancestral sampling in sigma space (diffusers EulerDiscrete / EulerAncestralDiscrete). */
final class EulerScheduler implements Scheduler {

    private final boolean ancestral;
    private final PredictionType prediction;
    private final double[] timesteps;
    private final double[] sigmas;
    private final double initNoiseSigma;
    private float[] noise;

    EulerScheduler(SchedulerConfig config, int steps, boolean ancestral) {
        this.ancestral = ancestral;
        this.prediction = config.predictionType();
        TimestepSpacing spacing = config.timestepSpacing().orElse(TimestepSpacing.LINSPACE);
        timesteps = Timesteps.descending(config, spacing, steps, false);
        double[] trainSigmas = new NoiseSchedule(config).sigmas();
        sigmas = new double[steps + 1];
        double max = 0;
        for (int i = 0; i < steps; i++) {
            sigmas[i] = NoiseSchedule.interpolate(trainSigmas, timesteps[i]);
            max = Math.max(max, sigmas[i]);
        }
        initNoiseSigma = spacing == TimestepSpacing.LEADING ? Math.sqrt(max * max + 1) : max;
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
        return initNoiseSigma;
    }

    @Override
    public double modelInputScale(int index) {
        return 1.0 / Math.sqrt(sigmas[index] * sigmas[index] + 1);
    }

    @Override
    public void addNoise(float[] latents, float[] noise, int index) {
        double sigma = sigmas[index];
        for (int i = 0; i < latents.length; i++) {
            latents[i] = (float) (latents[i] + noise[i] * sigma);
        }
    }

    @Override
    public void step(int index, float[] modelOutput, float[] sample, NoiseSource noiseSource) {
        double sigma = sigmas[index];
        double next = sigmas[index + 1];
        double target = next;
        double up = 0;
        if (ancestral) {
            up = Math.sqrt(next * next * (sigma * sigma - next * next) / (sigma * sigma));
            target = Math.sqrt(next * next - up * up);
            if (noise == null || noise.length != sample.length) {
                noise = new float[sample.length];
            }
            noiseSource.fill(noise);
        }
        double dt = target - sigma;
        double vScale = -sigma / Math.sqrt(sigma * sigma + 1);
        double vSample = 1.0 / (sigma * sigma + 1);
        for (int i = 0; i < sample.length; i++) {
            double x = sample[i];
            double x0 = prediction == PredictionType.EPSILON
                    ? x - sigma * modelOutput[i]
                    : modelOutput[i] * vScale + x * vSample;
            double derivative = (x - x0) / sigma;
            double result = x + derivative * dt;
            if (ancestral) {
                result += noise[i] * up;
            }
            sample[i] = (float) result;
        }
    }
}
