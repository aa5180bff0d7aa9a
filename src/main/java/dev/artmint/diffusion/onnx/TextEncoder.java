package dev.artmint.diffusion.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The CLIP text encoder: token ids in, per-token hidden states (the UNet's conditioning) out. */
public final class TextEncoder implements AutoCloseable {

    private final OrtRuntime runtime;
    private final OrtSession session;
    private final Port inputIds;
    private final Port attentionMask;
    private final Port hiddenStates;

    public TextEncoder(OrtRuntime runtime, Path model) throws OrtException {
        this.runtime = runtime;
        this.session = runtime.open(model);
        this.inputIds = Port.find(session.getInputInfo(), "input_ids", 0, "text_encoder");
        this.attentionMask = session.getInputInfo().containsKey("attention_mask")
                ? Port.find(session.getInputInfo(), "attention_mask", 1, "text_encoder")
                : null;
        this.hiddenStates = Port.find(session.getOutputInfo(), "last_hidden_state", 0, "text_encoder");
        if (inputIds.type() != OnnxJavaType.INT32 && inputIds.type() != OnnxJavaType.INT64) {
            throw new IllegalArgumentException("text_encoder input_ids must be int32 or int64, not " + inputIds.type());
        }
    }

    /** The fixed sequence length the export declares, or -1 when it is dynamic. */
    public long declaredSequenceLength() {
        return inputIds.rank() == 2 ? inputIds.dim(1) : -1;
    }

    /**
     * Encodes one padded id sequence; {@code length} is the number of real tokens (for an attention mask, when the
     * export has one). Returns the hidden states flattened as [sequence, hidden].
     */
    public float[] encode(int[] ids, int length, RunClock clock) throws OrtException {
        long[] shape = {1, ids.length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(inputIds.name(), idTensor(ids, shape, inputIds.type()));
            if (attentionMask != null) {
                int[] mask = new int[ids.length];
                for (int i = 0; i < length; i++) {
                    mask[i] = 1;
                }
                inputs.put(attentionMask.name(), idTensor(mask, shape, attentionMask.type()));
            }
            try (OrtSession.Result result = clock.time(() -> session.run(inputs, Set.of(hiddenStates.name())))) {
                OnnxValue value = result.get(0);
                return Tensors.toFloats((OnnxTensor) value);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor idTensor(int[] ids, long[] shape, OnnxJavaType type) throws OrtException {
        ByteBuffer bytes = ByteBuffer.allocateDirect(ids.length * (type == OnnxJavaType.INT64 ? 8 : 4))
                .order(ByteOrder.nativeOrder());
        if (type == OnnxJavaType.INT64) {
            LongBuffer longs = bytes.asLongBuffer();
            for (int id : ids) {
                longs.put(id);
            }
            return OnnxTensor.createTensor(runtime.environment(), longs.rewind(), shape);
        }
        IntBuffer ints = bytes.asIntBuffer().put(ids);
        return OnnxTensor.createTensor(runtime.environment(), ints.rewind(), shape);
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
