package dev.artmint.diffusion;

import java.time.Duration;

/**
 * Where a generation's time went. {@code onnx} sums the ONNX Runtime run calls; wall time over it is the pipeline's
 * overhead ratio (1.0 would mean Java adds nothing).
 */
public record Timings(
        Duration total,
        Duration onnx,
        Duration textEncoding,
        Duration denoising,
        Duration decoding,
        int steps,
        int images) {

    public double overheadRatio() {
        return onnx.isZero() ? Double.NaN : (double) total.toNanos() / onnx.toNanos();
    }

    public Duration perStep() {
        return steps == 0 ? Duration.ZERO : denoising.dividedBy(steps);
    }

    public Duration perImage() {
        return total.dividedBy(images);
    }
}
