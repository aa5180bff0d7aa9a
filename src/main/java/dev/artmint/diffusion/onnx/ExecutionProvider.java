package dev.artmint.diffusion.onnx;

import java.util.Locale;
import java.util.Optional;

/** Where ONNX Runtime runs the models. */
public enum ExecutionProvider {
    CPU,
    CUDA;

    public static Optional<ExecutionProvider> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "cpu" -> Optional.of(CPU);
            case "cuda", "gpu" -> Optional.of(CUDA);
            default -> Optional.empty();
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
