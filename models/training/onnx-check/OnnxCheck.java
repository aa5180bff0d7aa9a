import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the exported artmint-tiny ONNX graphs in ONNX Runtime (the runtime the Java pipeline uses)
 * on reference inputs written by onnx_reference.py and compares with the PyTorch outputs.
 * Manifest lines: "model PATH", "in NAME f32|i32|i64 D0,D1,.. FILE", "out NAME FILE", "run".
 */
public final class OnnxCheck {
    public static void main(String[] args) throws Exception {
        Path manifest = Path.of(args[0]);
        Path dir = manifest.getParent();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        Map<String, OnnxTensor> inputs = new HashMap<>();
        List<String[]> outputs = new ArrayList<>();
        double worst = 0;
        for (String line : Files.readAllLines(manifest)) {
            String[] f = line.trim().split(" ");
            switch (f[0]) {
                case "model" -> {
                    session = env.createSession(dir.resolve(f[1]).toString(), new OrtSession.SessionOptions());
                    System.out.println(f[1] + " inputs=" + session.getInputInfo() + " outputs=" + session.getOutputInfo().keySet());
                }
                case "in" -> {
                    long[] shape = Arrays.stream(f[3].split(",")).mapToLong(Long::parseLong).toArray();
                    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(f[4]))).order(ByteOrder.LITTLE_ENDIAN);
                    OnnxTensor t = switch (f[2]) {
                        case "f32" -> OnnxTensor.createTensor(env, b.asFloatBuffer(), shape);
                        case "i32" -> OnnxTensor.createTensor(env, b.asIntBuffer(), shape);
                        case "i64" -> OnnxTensor.createTensor(env, b.asLongBuffer(), shape);
                        default -> throw new IllegalArgumentException(f[2]);
                    };
                    inputs.put(f[1], t);
                }
                case "out" -> outputs.add(f);
                case "run" -> {
                    long t0 = System.nanoTime();
                    try (OrtSession.Result r = session.run(inputs)) {
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        for (String[] o : outputs) {
                            OnnxValue v = r.get(o[1]).orElseThrow();
                            var got = ((OnnxTensor) v).getFloatBuffer();
                            var want = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(o[2]))).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                            if (got.remaining() != want.remaining()) throw new IllegalStateException(o[1] + " size " + got.remaining() + " != " + want.remaining());
                            double max = 0, ref = 0;
                            for (int i = 0; i < want.remaining(); i++) {
                                max = Math.max(max, Math.abs(got.get(i) - want.get(i)));
                                ref = Math.max(ref, Math.abs(want.get(i)));
                            }
                            worst = Math.max(worst, max / Math.max(ref, 1e-6));
                            System.out.printf("  %s shape=%s max|diff|=%.3g (max|ref|=%.3g) %d ms%n", o[1],
                                    Arrays.toString(((OnnxTensor) v).getInfo().getShape()), max, ref, ms);
                        }
                    }
                    inputs.values().forEach(OnnxTensor::close);
                    inputs.clear();
                    outputs.clear();
                }
                default -> { }
            }
        }
        System.out.printf("worst relative diff %.3g%n", worst);
        if (worst > 1e-3) System.exit(1);
    }
}
