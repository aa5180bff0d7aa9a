package dev.artmint.diffusion.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.file.Path;
import java.util.Map;

/** The VAE decoder: unscaled latents [b, 4, h/8, w/8] to images [b, 3, h, w] in [-1, 1]. */
public final class VaeDecoder implements AutoCloseable {

    private final OrtRuntime runtime;
    private final OrtSession session;
    private final Port latents;
    private final Port image;

    public VaeDecoder(OrtRuntime runtime, Path model) throws OrtException {
        this.runtime = runtime;
        this.session = runtime.open(model);
        this.latents = Port.find(session.getInputInfo(), "latent_sample", 0, "vae_decoder");
        this.image = Port.find(session.getOutputInfo(), "sample", 0, "vae_decoder");
    }

    /** Decodes one image's latents (already divided by the scaling factor) into CHW pixels in [-1, 1]. */
    public float[] decode(float[] unscaledLatents, int channels, int latentHeight, int latentWidth, RunClock clock)
            throws OrtException {
        long[] shape = {1, channels, latentHeight, latentWidth};
        try (OnnxTensor input = Tensors.of(runtime.environment(), unscaledLatents, shape, latents.type())) {
            long start = System.nanoTime();
            try (OrtSession.Result result = session.run(Map.of(latents.name(), input))) {
                clock.add(System.nanoTime() - start);
                return Tensors.toFloats((OnnxTensor) result.get(image.name()).orElseThrow());
            }
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
