package dev.artmint.diffusion.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The UNet's timestep input in whatever form the export declares: int64, int32, float32, float16 or float64; a scalar,
 * shape [1] or one value per batch entry.
 */
final class TimestepSlot implements AutoCloseable {

    private final OnnxTensor tensor;
    private final ByteBuffer bytes;
    private final Port port;
    private final int count;

    private TimestepSlot(OnnxTensor tensor, ByteBuffer bytes, Port port, int count) {
        this.tensor = tensor;
        this.bytes = bytes;
        this.port = port;
        this.count = count;
    }

    static TimestepSlot allocate(OrtEnvironment environment, Port port, int batch) throws OrtException {
        long[] shape;
        if (port.rank() == 0) {
            shape = new long[0];
        } else if (port.rank() == 1 && port.dim(0) == 1) {
            shape = new long[] {1};
        } else if (port.rank() == 1) {
            shape = new long[] {batch};
        } else {
            throw new IllegalArgumentException(
                    "unet timestep must be a scalar or 1-D, the export declares rank " + port.rank());
        }
        int count = shape.length == 0 ? 1 : (int) shape[0];
        ByteBuffer bytes = ByteBuffer.allocateDirect(count * 8).order(ByteOrder.nativeOrder());
        OnnxTensor tensor = switch (port.type()) {
            case INT64 -> OnnxTensor.createTensor(environment, bytes.asLongBuffer(), shape);
            case INT32 ->
                OnnxTensor.createTensor(environment, bytes.asIntBuffer().limit(count), shape);
            case FLOAT ->
                OnnxTensor.createTensor(environment, bytes.asFloatBuffer().limit(count), shape);
            case DOUBLE ->
                OnnxTensor.createTensor(environment, bytes.asDoubleBuffer().limit(count), shape);
            case FLOAT16 ->
                OnnxTensor.createTensor(
                        environment, bytes.asShortBuffer().limit(count), shape, ai.onnxruntime.OnnxJavaType.FLOAT16);
            default -> throw new IllegalArgumentException("unsupported unet timestep type " + port.type());
        };
        return new TimestepSlot(tensor, bytes, port, count);
    }

    OnnxTensor tensor() {
        return tensor;
    }

    /** Integer exports receive the timestep truncated, as diffusers' ONNX pipelines cast it. */
    void set(double value) {
        for (int i = 0; i < count; i++) {
            switch (port.type()) {
                case INT64 -> bytes.putLong(i * 8, (long) value);
                case INT32 -> bytes.putInt(i * 4, (int) value);
                case FLOAT -> bytes.putFloat(i * 4, (float) value);
                case DOUBLE -> bytes.putDouble(i * 8, value);
                default -> bytes.putShort(i * 2, Float.floatToFloat16((float) value));
            }
        }
    }

    @Override
    public void close() {
        tensor.close();
    }
}
