package dev.artmint.diffusion.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/**
 * A float32 or float16 tensor over native memory allocated once: callers refill it before each run, or pass it as a
 * pinned output that ONNX Runtime writes into, so the denoising loop allocates nothing.
 */
public final class FloatSlot implements AutoCloseable {

    private final OnnxTensor tensor;
    private final FloatBuffer floats;
    private final ShortBuffer halves;

    private FloatSlot(OnnxTensor tensor, FloatBuffer floats, ShortBuffer halves) {
        this.tensor = tensor;
        this.floats = floats;
        this.halves = halves;
    }

    static FloatSlot allocate(OrtEnvironment environment, OnnxJavaType type, long[] shape) throws OrtException {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        int size = Math.toIntExact(count);
        if (type == OnnxJavaType.FLOAT) {
            FloatBuffer floats = ByteBuffer.allocateDirect(size * Float.BYTES)
                    .order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            return new FloatSlot(OnnxTensor.createTensor(environment, floats, shape), floats, null);
        }
        if (type == OnnxJavaType.FLOAT16) {
            ShortBuffer halves = ByteBuffer.allocateDirect(size * Short.BYTES)
                    .order(ByteOrder.nativeOrder())
                    .asShortBuffer();
            return new FloatSlot(
                    OnnxTensor.createTensor(environment, halves, shape, OnnxJavaType.FLOAT16), null, halves);
        }
        throw new IllegalArgumentException("expected a float32 or float16 tensor, the model declares " + type);
    }

    OnnxTensor tensor() {
        return tensor;
    }

    /** Copies {@code values} into the slot starting at element {@code offset}. */
    public void write(float[] values, int offset) {
        if (floats != null) {
            floats.put(offset, values);
        } else {
            for (int i = 0; i < values.length; i++) {
                halves.put(offset + i, Float.floatToFloat16(values[i]));
            }
        }
    }

    /** Writes {@code values} scaled by {@code scale}, the model input scaling some samplers need. */
    public void writeScaled(float[] values, float scale, int offset) {
        writeScaled(values, 0, values.length, scale, offset);
    }

    /** Writes {@code length} values from {@code values[from]} on, scaled, starting at element {@code offset}. */
    public void writeScaled(float[] values, int from, int length, float scale, int offset) {
        if (floats != null && scale == 1f) {
            floats.put(offset, values, from, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            set(offset + i, values[from + i] * scale);
        }
    }

    public void set(int index, float value) {
        if (floats != null) {
            floats.put(index, value);
        } else {
            halves.put(index, Float.floatToFloat16(value));
        }
    }

    public float get(int index) {
        return floats != null ? floats.get(index) : Float.float16ToFloat(halves.get(index));
    }

    /** Copies {@code target.length} elements starting at {@code offset} out of the slot. */
    public void read(float[] target, int offset) {
        if (floats != null) {
            floats.get(offset, target);
        } else {
            for (int i = 0; i < target.length; i++) {
                target[i] = Float.float16ToFloat(halves.get(offset + i));
            }
        }
    }

    @Override
    public void close() {
        tensor.close();
    }
}
