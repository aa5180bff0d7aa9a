package dev.artmint.diffusion.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/** Conversions between Java float arrays and float32 / float16 tensors off the hot path. */
final class Tensors {

    private Tensors() {}

    static float[] toFloats(OnnxTensor tensor) {
        if (tensor.getInfo().type == OnnxJavaType.FLOAT16) {
            ShortBuffer halves = tensor.getShortBuffer();
            float[] out = new float[halves.remaining()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Float.float16ToFloat(halves.get(i));
            }
            return out;
        }
        if (tensor.getInfo().type != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException("expected a float32 or float16 output, got " + tensor.getInfo().type);
        }
        FloatBuffer floats = tensor.getFloatBuffer();
        float[] out = new float[floats.remaining()];
        floats.get(out);
        return out;
    }

    static OnnxTensor of(OrtEnvironment environment, float[] values, long[] shape, OnnxJavaType type)
            throws OrtException {
        if (type == OnnxJavaType.FLOAT16) {
            ShortBuffer halves = ShortBuffer.allocate(values.length);
            for (float value : values) {
                halves.put(Float.floatToFloat16(value));
            }
            return OnnxTensor.createTensor(environment, halves.rewind(), shape, OnnxJavaType.FLOAT16);
        }
        return OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), shape);
    }
}
