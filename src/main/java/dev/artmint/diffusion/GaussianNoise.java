package dev.artmint.diffusion;

/**
 * Seeded standard normal noise: SplitMix64 uniforms through the Box-Muller transform. Owned here rather than borrowed
 * from java.util so the same seed yields the same images on every JVM, forever.
 */
final class GaussianNoise {

    private long state;
    private double spare;
    private boolean hasSpare;

    GaussianNoise(long seed) {
        this.state = seed;
    }

    void fill(float[] target, int offset, int length) {
        for (int i = 0; i < length; i++) {
            target[offset + i] = (float) next();
        }
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = uniformOpen();
        double u2 = uniformOpen();
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double angle = 2.0 * Math.PI * u2;
        spare = radius * StrictMath.sin(angle);
        hasSpare = true;
        return radius * StrictMath.cos(angle);
    }

    /** A uniform double in (0, 1]: never 0, so the logarithm stays finite. */
    private double uniformOpen() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    private long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
