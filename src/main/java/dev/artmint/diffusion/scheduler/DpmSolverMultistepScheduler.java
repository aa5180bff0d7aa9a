package dev.artmint.diffusion.scheduler;

/**
 * DPM-Solver++ second order multistep with the midpoint update (diffusers DPMSolverMultistepScheduler, algorithm
 * dpmsolver++, solver_order 2, lower_order_final), optionally on the Karras sigma grid.
 */
final class DpmSolverMultistepScheduler implements Scheduler {

    private static final double KARRAS_RHO = 7.0;

    private final PredictionType prediction;
    private final double[] timesteps;
    private final double[] sigmas;
    private final boolean finalSigmaZero;
    private float[] previousX0;
    private float[] currentX0;
    private int stepsTaken;

    DpmSolverMultistepScheduler(SchedulerConfig config, int steps, boolean karras) {
        prediction = config.predictionType();
        NoiseSchedule schedule = new NoiseSchedule(config);
        double[] trainSigmas = schedule.sigmas();
        finalSigmaZero = config.finalSigmasType().equals("zero");
        sigmas = new double[steps + 1];
        if (karras) {
            timesteps = new double[steps];
            double[] logSigmas = new double[trainSigmas.length];
            for (int i = 0; i < logSigmas.length; i++) {
                logSigmas[i] = Math.log(trainSigmas[i]);
            }
            double minInvRho = Math.pow(trainSigmas[0], 1 / KARRAS_RHO);
            double maxInvRho = Math.pow(trainSigmas[trainSigmas.length - 1], 1 / KARRAS_RHO);
            double[] ramp = Timesteps.linspace(0, 1, steps);
            for (int i = 0; i < steps; i++) {
                sigmas[i] = Math.pow(maxInvRho + ramp[i] * (minInvRho - maxInvRho), KARRAS_RHO);
                timesteps[i] = Math.rint(sigmaToTimestep(sigmas[i], logSigmas));
            }
        } else {
            timesteps = Timesteps.dpmSolver(config, config.timestepSpacing().orElse(TimestepSpacing.LINSPACE), steps);
            for (int i = 0; i < steps; i++) {
                sigmas[i] = NoiseSchedule.interpolate(trainSigmas, timesteps[i]);
            }
        }
        sigmas[steps] = finalSigmaZero ? 0 : trainSigmas[0];
    }

    /** Inverts the sigma schedule by interpolating in log-sigma between the two neighbouring training steps. */
    static double sigmaToTimestep(double sigma, double[] logSigmas) {
        double logSigma = Math.log(Math.max(sigma, 1e-10));
        int low = 0;
        for (int i = 0; i < logSigmas.length; i++) {
            if (logSigma - logSigmas[i] >= 0) {
                low = i;
            }
        }
        low = Math.min(low, logSigmas.length - 2);
        double w = (logSigmas[low] - logSigma) / (logSigmas[low] - logSigmas[low + 1]);
        w = Math.max(0, Math.min(1, w));
        return (1 - w) * low + w * (low + 1);
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
        double alpha = alpha(sigmas[index]);
        double sigma = sigmas[index] * alpha;
        for (int i = 0; i < latents.length; i++) {
            latents[i] = (float) (alpha * latents[i] + sigma * noise[i]);
        }
    }

    @Override
    public void step(int index, float[] modelOutput, float[] sample, NoiseSource noise) {
        if (currentX0 == null || currentX0.length != sample.length) {
            currentX0 = new float[sample.length];
            previousX0 = new float[sample.length];
        }
        double alphaS0 = alpha(sigmas[index]);
        double sigmaS0 = sigmas[index] * alphaS0;
        for (int i = 0; i < sample.length; i++) {
            currentX0[i] = (float)
                    (prediction == PredictionType.EPSILON
                            ? (sample[i] - sigmaS0 * modelOutput[i]) / alphaS0
                            : alphaS0 * sample[i] - sigmaS0 * modelOutput[i]);
        }
        int steps = timesteps.length;
        boolean lowerOrderFinal = index == steps - 1 && (steps < 15 || finalSigmaZero);
        double alphaT = alpha(sigmas[index + 1]);
        double sigmaT = sigmas[index + 1] * alphaT;
        double lambdaT = Math.log(alphaT) - Math.log(sigmaT);
        double lambdaS0 = Math.log(alphaS0) - Math.log(sigmaS0);
        double h = lambdaT - lambdaS0;
        double ratio = sigmaT / sigmaS0;
        double x0Weight = alphaT * (Math.exp(-h) - 1.0);
        if (stepsTaken < 1 || lowerOrderFinal) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = (float) (ratio * sample[i] - x0Weight * currentX0[i]);
            }
        } else {
            double alphaS1 = alpha(sigmas[index - 1]);
            double lambdaS1 = Math.log(alphaS1) - Math.log(sigmas[index - 1] * alphaS1);
            double r0 = (lambdaS0 - lambdaS1) / h;
            for (int i = 0; i < sample.length; i++) {
                double d0 = currentX0[i];
                double d1 = (1.0 / r0) * (currentX0[i] - previousX0[i]);
                sample[i] = (float) (ratio * sample[i] - x0Weight * d0 - 0.5 * x0Weight * d1);
            }
        }
        float[] swap = previousX0;
        previousX0 = currentX0;
        currentX0 = swap;
        stepsTaken++;
    }

    /** alpha_t of the variance-preserving process with this sigma; sigma_t = sigma * alpha_t. */
    private static double alpha(double sigma) {
        return 1.0 / Math.sqrt(sigma * sigma + 1);
    }
}
