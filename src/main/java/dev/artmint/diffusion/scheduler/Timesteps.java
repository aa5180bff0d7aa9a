package dev.artmint.diffusion.scheduler;

/** Inference timestep grids as diffusers builds them with numpy (round half to even, as np.round does). */
final class Timesteps {

    private Timesteps() {}

    /** numpy.linspace with endpoint: start + i * step, the last value exactly {@code stop}. */
    static double[] linspace(double start, double stop, int num) {
        double[] values = new double[num];
        double step = num > 1 ? (stop - start) / (num - 1) : 0;
        for (int i = 0; i < num; i++) {
            values[i] = start + i * step;
        }
        if (num > 1) {
            values[num - 1] = stop;
        }
        return values;
    }

    /** The DDIM / Euler grid, descending; linspace values stay fractional unless {@code round}. */
    static double[] descending(SchedulerConfig config, TimestepSpacing spacing, int steps, boolean round) {
        int trainSteps = config.numTrainTimesteps();
        double[] timesteps = new double[steps];
        switch (spacing) {
            case LEADING -> {
                int ratio = trainSteps / steps;
                for (int i = 0; i < steps; i++) {
                    timesteps[i] = (double) (steps - 1 - i) * ratio + config.stepsOffset();
                }
            }
            case TRAILING -> {
                double ratio = (double) trainSteps / steps;
                for (int i = 0; i < steps; i++) {
                    timesteps[i] = Math.rint(trainSteps - i * ratio) - 1;
                }
            }
            case LINSPACE -> {
                double[] grid = linspace(0, trainSteps - 1, steps);
                for (int i = 0; i < steps; i++) {
                    double t = grid[steps - 1 - i];
                    timesteps[i] = round ? Math.rint(t) : t;
                }
            }
        }
        return timesteps;
    }

    /** The DPM-Solver grid: n + 1 points of which the last (t = 0 end) is dropped. */
    static double[] dpmSolver(SchedulerConfig config, TimestepSpacing spacing, int steps) {
        int trainSteps = config.numTrainTimesteps();
        double[] timesteps = new double[steps];
        switch (spacing) {
            case LINSPACE -> {
                double[] grid = linspace(0, trainSteps - 1, steps + 1);
                for (int i = 0; i < steps; i++) {
                    timesteps[i] = Math.rint(grid[steps - i]);
                }
            }
            case LEADING -> {
                int ratio = trainSteps / (steps + 1);
                for (int i = 0; i < steps; i++) {
                    timesteps[i] = (double) (steps - i) * ratio + config.stepsOffset();
                }
            }
            case TRAILING -> {
                double ratio = (double) trainSteps / steps;
                for (int i = 0; i < steps; i++) {
                    timesteps[i] = Math.rint(trainSteps - i * ratio) - 1;
                }
            }
        }
        return timesteps;
    }
}
