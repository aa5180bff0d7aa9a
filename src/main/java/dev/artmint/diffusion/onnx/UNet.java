package dev.artmint.diffusion.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Map;

/** The denoising UNet: predicts noise (or v) for a batch of latents at one timestep. */
public final class UNet implements AutoCloseable {

    private final OrtRuntime runtime;
    private final OrtSession session;
    private final Port sample;
    private final Port timestep;
    private final Port hiddenStates;
    private final Port output;

    public UNet(OrtRuntime runtime, Path model) throws OrtException {
        this.runtime = runtime;
        this.session = runtime.open(model);
        var inputs = session.getInputInfo();
        this.sample = Port.find(inputs, "sample", 0, "unet");
        this.timestep = Port.find(inputs, "timestep", 1, "unet");
        this.hiddenStates = Port.find(inputs, "encoder_hidden_states", 2, "unet");
        this.output = Port.find(session.getOutputInfo(), "out_sample", 0, "unet");
        if (sample.rank() == 4 && sample.dim(0) > 0) {
            throw new IllegalArgumentException("unet was exported with a fixed batch of " + sample.dim(0)
                    + "; export it with a dynamic batch dimension");
        }
    }

    /** Channels of the latent space, as the export declares them (4 for Stable Diffusion 1.x and 2.x). */
    public int latentChannels() {
        return sample.rank() == 4 && sample.dim(1) > 0 ? (int) sample.dim(1) : 4;
    }

    /** Allocates the native buffers one generation reuses on every step. */
    public Binding bind(int batch, int latentHeight, int latentWidth, int sequenceLength, int hiddenSize)
            throws OrtException {
        return new Binding(batch, latentHeight, latentWidth, sequenceLength, hiddenSize);
    }

    public void run(Binding binding, RunClock clock) throws OrtException {
        // the output lands in the binding's pinned buffer; the result only refers to it
        clock.time(() -> session.run(binding.inputs, binding.outputs)).close();
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    /** The UNet's inputs and pinned output for one batch shape. */
    public final class Binding implements AutoCloseable {

        private final FloatSlot sampleSlot;
        private final FloatSlot hiddenSlot;
        private final FloatSlot outputSlot;
        private final TimestepSlot timestepSlot;
        private final Map<String, OnnxTensor> inputs;
        private final Map<String, OnnxTensor> outputs;

        private Binding(int batch, int latentHeight, int latentWidth, int sequenceLength, int hiddenSize)
                throws OrtException {
            long[] latentShape = {batch, latentChannels(), latentHeight, latentWidth};
            sampleSlot = FloatSlot.allocate(runtime.environment(), sample.type(), latentShape);
            hiddenSlot = FloatSlot.allocate(
                    runtime.environment(), hiddenStates.type(), new long[] {batch, sequenceLength, hiddenSize});
            outputSlot = FloatSlot.allocate(runtime.environment(), output.type(), latentShape);
            timestepSlot = TimestepSlot.allocate(runtime.environment(), timestep, batch);
            inputs = Map.of(
                    sample.name(),
                    sampleSlot.tensor(),
                    timestep.name(),
                    timestepSlot.tensor(),
                    hiddenStates.name(),
                    hiddenSlot.tensor());
            outputs = Map.of(output.name(), outputSlot.tensor());
        }

        public FloatSlot sample() {
            return sampleSlot;
        }

        public FloatSlot encoderHiddenStates() {
            return hiddenSlot;
        }

        public FloatSlot output() {
            return outputSlot;
        }

        public void timestep(double value) {
            timestepSlot.set(value);
        }

        @Override
        public void close() {
            sampleSlot.close();
            hiddenSlot.close();
            outputSlot.close();
            timestepSlot.close();
        }
    }
}
