package dev.artmint.diffusion.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One named model input or output with the element type and shape the session declares. */
record Port(String name, OnnxJavaType type, long[] shape) {

    /** The port with the preferred name, or else the one at {@code fallbackIndex} in declaration order. */
    static Port find(Map<String, NodeInfo> ports, String preferred, int fallbackIndex, String component)
            throws OrtException {
        NodeInfo info = ports.get(preferred);
        if (info == null) {
            List<NodeInfo> ordered = new ArrayList<>(ports.values());
            if (fallbackIndex >= ordered.size()) {
                throw new IllegalArgumentException(
                        component + " has no '" + preferred + "' port; it declares " + ports.keySet());
            }
            info = ordered.get(fallbackIndex);
        }
        if (!(info.getInfo() instanceof TensorInfo tensor)) {
            throw new IllegalArgumentException(component + " port " + info.getName() + " is not a tensor");
        }
        return new Port(info.getName(), tensor.type, tensor.getShape());
    }

    int rank() {
        return shape.length;
    }

    /** The declared size of a dimension, or -1 when it is symbolic. */
    long dim(int index) {
        return shape[index];
    }
}
