package dev.artmint.diffusion.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Sums the time spent inside ONNX Runtime's run calls, to measure the pipeline's own overhead. */
public final class RunClock {

    /** One call of {@link OrtSession}'s run methods. */
    @FunctionalInterface
    interface Run {
        OrtSession.Result call() throws OrtException;
    }

    private long nanos;

    /** Runs the session call and adds its duration; the caller closes the result. */
    OrtSession.Result time(Run run) throws OrtException {
        long start = System.nanoTime();
        try {
            return run.call();
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    public long nanos() {
        return nanos;
    }
}
