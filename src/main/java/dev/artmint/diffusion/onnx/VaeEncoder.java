package dev.artmint.diffusion.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The VAE encoder for image-to-image: pixels in [-1, 1] to unscaled latents. Exports either emit the distribution's
 * mean ({@code latent_sample}) or mean and log-variance stacked on the channel axis ({@code latent_parameters}); both
 * give the mean here, so encoding is deterministic.
 */
public final class VaeEncoder implements AutoCloseable {

    private final OrtRuntime runtime;
    private final OrtSession session;
    private final Port image;
    private final Port latents;

    public VaeEncoder(OrtRuntime runtime, Path model) throws OrtException {
        this.runtime = runtime;
        this.session = runtime.open(model);
        this.image = Port.find(session.getInputInfo(), "sample", 0, "vae_encoder");
        var outputs = session.getOutputInfo();
        this.latents = outputs.containsKey("latent_sample")
                ? Port.find(outputs, "latent_sample", 0, "vae_encoder")
                : Port.find(outputs, "latent_parameters", 0, "vae_encoder");
    }

    /** Encodes one CHW image into {@code channels * (height / 8) * (width / 8)} unscaled latent values. */
    public float[] encode(float[] pixels, int height, int width, int channels, RunClock clock) throws OrtException {
        long[] shape = {1, 3, height, width};
        try (OnnxTensor input = Tensors.of(runtime.environment(), pixels, shape, image.type())) {
            try (OrtSession.Result result = clock.time(() -> session.run(Map.of(image.name(), input)))) {
                float[] values =
                        Tensors.toFloats((OnnxTensor) result.get(latents.name()).orElseThrow());
                // the mean is the first half of latent_parameters' channels
                return Arrays.copyOf(values, channels * (height / 8) * (width / 8));
            }
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
