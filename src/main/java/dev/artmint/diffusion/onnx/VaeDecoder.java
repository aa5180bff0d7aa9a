package dev.artmint.diffusion.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Map;

/** The VAE decoder: unscaled latents [1, 4, h/8, w/8] to an image [1, 3, h, w] in [-1, 1]. */
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

    /** Allocates the input and pinned output one generation reuses for each of its images. */
    public Binding bind(int channels, int height, int width) throws OrtException {
        return new Binding(channels, height, width);
    }

    public void decode(Binding binding, RunClock clock) throws OrtException {
        // the output lands in the binding's pinned buffer; the result only refers to it
        clock.time(() -> session.run(binding.inputs, binding.outputs)).close();
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    /** One image's latent input and pixel output. */
    public final class Binding implements AutoCloseable {

        private final FloatSlot latentSlot;
        private final FloatSlot imageSlot;
        private final Map<String, OnnxTensor> inputs;
        private final Map<String, OnnxTensor> outputs;

        private Binding(int channels, int height, int width) throws OrtException {
            latentSlot = FloatSlot.allocate(
                    runtime.environment(), latents.type(), new long[] {1, channels, height / 8, width / 8});
            imageSlot = FloatSlot.allocate(runtime.environment(), image.type(), new long[] {1, 3, height, width});
            inputs = Map.of(latents.name(), latentSlot.tensor());
            outputs = Map.of(image.name(), imageSlot.tensor());
        }

        /** Latents already divided by the VAE scaling factor. */
        public FloatSlot latents() {
            return latentSlot;
        }

        /** Planar RGB in [-1, 1] after {@link #decode}. */
        public FloatSlot image() {
            return imageSlot;
        }

        @Override
        public void close() {
            latentSlot.close();
            imageSlot.close();
        }
    }
}
