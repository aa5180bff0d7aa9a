package dev.artmint.diffusion.onnx;

/**
 * How sessions are created: the requested provider, the CUDA device, and ONNX Runtime's thread pools (0 lets ONNX
 * Runtime pick one thread per physical core).
 */
public record RuntimeOptions(ExecutionProvider provider, int cudaDevice, int intraOpThreads, int interOpThreads) {

    public RuntimeOptions {
        if (provider == null) {
            throw new IllegalArgumentException("provider is required");
        }
        if (cudaDevice < 0 || intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("device and thread counts must not be negative");
        }
    }

    public static RuntimeOptions cpu(int threads) {
        return new RuntimeOptions(ExecutionProvider.CPU, 0, threads, 1);
    }
}
