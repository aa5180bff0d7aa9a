package dev.artmint.diffusion.onnx;

/** Sums the time spent inside ONNX Runtime's run calls, to measure the pipeline's own overhead. */
public final class RunClock {

    private long nanos;

    void add(long elapsed) {
        nanos += elapsed;
    }

    public long nanos() {
        return nanos;
    }
}
