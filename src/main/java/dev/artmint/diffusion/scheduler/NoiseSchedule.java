package dev.artmint.diffusion.scheduler;

/** The training noise schedule: cumulative products of (1 - beta) for every training timestep. */
final class NoiseSchedule {

    private final double[] alphasCumprod;

    NoiseSchedule(SchedulerConfig config) {
        int n = config.numTrainTimesteps();
        alphasCumprod = new double[n];
        boolean scaled = config.betaSchedule().equals("scaled_linear");
        double start = scaled ? Math.sqrt(config.betaStart()) : config.betaStart();
        double end = scaled ? Math.sqrt(config.betaEnd()) : config.betaEnd();
        double product = 1.0;
        for (int i = 0; i < n; i++) {
            double beta = n == 1 ? start : start + (end - start) * i / (n - 1);
            if (scaled) {
                beta *= beta;
            }
            product *= 1.0 - beta;
            alphasCumprod[i] = product;
        }
    }

    double alphaCumprod(int timestep) {
        return alphasCumprod[timestep];
    }

    /** Karras-style sigma = sqrt((1 - alpha_bar) / alpha_bar) for every training timestep. */
    double[] sigmas() {
        double[] sigmas = new double[alphasCumprod.length];
        for (int i = 0; i < sigmas.length; i++) {
            sigmas[i] = Math.sqrt((1 - alphasCumprod[i]) / alphasCumprod[i]);
        }
        return sigmas;
    }

    /** Linear interpolation of the training sigmas at a fractional timestep, as numpy.interp does. */
    static double interpolate(double[] trainSigmas, double timestep) {
        if (timestep <= 0) {
            return trainSigmas[0];
        }
        if (timestep >= trainSigmas.length - 1) {
            return trainSigmas[trainSigmas.length - 1];
        }
        int low = (int) Math.floor(timestep);
        double w = timestep - low;
        return trainSigmas[low] + (trainSigmas[low + 1] - trainSigmas[low]) * w;
    }
}
