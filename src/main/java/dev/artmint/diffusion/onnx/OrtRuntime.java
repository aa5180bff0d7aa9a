package dev.artmint.diffusion.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Opens ONNX Runtime sessions on the provider the options ask for, falling back to the CPU when it is absent. */
public final class OrtRuntime {

    private static final Logger LOG = Logger.getLogger(OrtRuntime.class);

    private final OrtEnvironment environment;
    private final RuntimeOptions options;
    private ExecutionProvider provider;

    private OrtRuntime(OrtEnvironment environment, RuntimeOptions options, ExecutionProvider provider) {
        this.environment = environment;
        this.options = options;
        this.provider = provider;
    }

    public static OrtRuntime create(RuntimeOptions options) {
        ExecutionProvider provider = options.provider();
        if (provider == ExecutionProvider.CUDA
                && !OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            LOG.warn("CUDA execution provider requested but this ONNX Runtime build has none"
                    + " (build with the Maven profile 'cuda' for onnxruntime_gpu); running on CPU");
            provider = ExecutionProvider.CPU;
        }
        return new OrtRuntime(OrtEnvironment.getEnvironment(), options, provider);
    }

    /** The provider sessions really use after any fallback. */
    public synchronized ExecutionProvider provider() {
        return provider;
    }

    public OrtEnvironment environment() {
        return environment;
    }

    public synchronized OrtSession open(Path model) throws OrtException {
        if (provider == ExecutionProvider.CUDA) {
            try {
                return create(model, ExecutionProvider.CUDA);
            } catch (OrtException e) {
                LOG.warnf("CUDA execution provider failed to start (%s); running on CPU", e.getMessage());
                provider = ExecutionProvider.CPU;
            }
        }
        return create(model, provider);
    }

    private OrtSession create(Path model, ExecutionProvider target) throws OrtException {
        try (OrtSession.SessionOptions session = new OrtSession.SessionOptions()) {
            session.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session.setIntraOpNumThreads(options.intraOpThreads());
            session.setInterOpNumThreads(options.interOpThreads());
            if (target == ExecutionProvider.CUDA) {
                session.addCUDA(options.cudaDevice());
            } else {
                // identical bytes for identical requests is a product promise on the CPU
                session.setDeterministicCompute(true);
            }
            return environment.createSession(model.toString(), session);
        }
    }
}
