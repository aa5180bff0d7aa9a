package dev.artmint.diffusion.scheduler;

/**
 * A sampler that works directly with the cumulative alphas (DDIM, LCM): unscaled model input, unit initial noise, and
 * image-to-image noising as sqrt(alpha_bar) x + sqrt(1 - alpha_bar) noise.
 */
abstract sealed class AlphaSpaceScheduler implements Scheduler permits DdimScheduler, LcmScheduler {

    final NoiseSchedule schedule;
    final double[] timesteps;

    AlphaSpaceScheduler(NoiseSchedule schedule, double[] timesteps) {
        this.schedule = schedule;
        this.timesteps = timesteps;
    }

    @Override
    public final int stepCount() {
        return timesteps.length;
    }

    @Override
    public final double timestep(int index) {
        return timesteps[index];
    }

    @Override
    public final double initNoiseSigma() {
        return 1.0;
    }

    @Override
    public final double modelInputScale(int index) {
        return 1.0;
    }

    @Override
    public final void addNoise(float[] latents, float[] noise, int index) {
        double alpha = schedule.alphaCumprod((int) timesteps[index]);
        double a = Math.sqrt(alpha);
        double b = Math.sqrt(1 - alpha);
        for (int i = 0; i < latents.length; i++) {
            latents[i] = (float) (a * latents[i] + b * noise[i]);
        }
    }
}
