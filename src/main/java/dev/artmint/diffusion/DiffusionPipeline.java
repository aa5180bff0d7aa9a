package dev.artmint.diffusion;

import ai.onnxruntime.OrtException;
import dev.artmint.diffusion.image.ImageTensors;
import dev.artmint.diffusion.onnx.ExecutionProvider;
import dev.artmint.diffusion.onnx.OrtRuntime;
import dev.artmint.diffusion.onnx.RunClock;
import dev.artmint.diffusion.onnx.RuntimeOptions;
import dev.artmint.diffusion.onnx.TextEncoder;
import dev.artmint.diffusion.onnx.UNet;
import dev.artmint.diffusion.onnx.VaeDecoder;
import dev.artmint.diffusion.onnx.VaeEncoder;
import dev.artmint.diffusion.scheduler.SchedulerConfig;
import dev.artmint.diffusion.scheduler.SchedulerKind;
import dev.artmint.diffusion.tokenizer.ClipTokenizer;
import dev.artmint.diffusion.tokenizer.TokenizedPrompt;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * A Stable Diffusion model loaded from a diffusers ONNX folder: the facade over tokenizer, text encoder, UNet, VAE and
 * schedulers. Sessions are created once; {@link #generate} may run on several threads.
 */
public final class DiffusionPipeline implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DiffusionPipeline.class);

    private final ModelInfo model;
    private final OrtRuntime runtime;
    private final ClipTokenizer tokenizer;
    private final SchedulerConfig schedulerConfig;
    private final TextEncoder textEncoder;
    private final UNet unet;
    private final VaeDecoder vaeDecoder;
    private final Optional<VaeEncoder> vaeEncoder;
    private final int sequenceLength;

    private DiffusionPipeline(
            ModelInfo model,
            OrtRuntime runtime,
            ClipTokenizer tokenizer,
            SchedulerConfig schedulerConfig,
            TextEncoder textEncoder,
            UNet unet,
            VaeDecoder vaeDecoder,
            Optional<VaeEncoder> vaeEncoder) {
        this.model = model;
        this.runtime = runtime;
        this.tokenizer = tokenizer;
        this.schedulerConfig = schedulerConfig;
        this.textEncoder = textEncoder;
        this.unet = unet;
        this.vaeDecoder = vaeDecoder;
        this.vaeEncoder = vaeEncoder;
        long declared = textEncoder.declaredSequenceLength();
        this.sequenceLength = declared > 0 ? (int) declared : tokenizer.maxLength();
    }

    public static DiffusionPipeline load(Path directory, RuntimeOptions options) {
        ModelFiles files = new ModelFiles(directory);
        ModelInfo model = files.describe();
        OrtRuntime runtime = OrtRuntime.create(options);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            TextEncoder textEncoder = track(opened, new TextEncoder(runtime, files.textEncoder()));
            UNet unet = track(opened, new UNet(runtime, files.unet()));
            VaeDecoder vaeDecoder = track(opened, new VaeDecoder(runtime, files.vaeDecoder()));
            Optional<VaeEncoder> vaeEncoder = files.vaeEncoder().isPresent()
                    ? Optional.of(track(
                            opened, new VaeEncoder(runtime, files.vaeEncoder().get())))
                    : Optional.empty();
            LOG.infof(
                    "loaded model %s (sha256 %s) on %s",
                    model.name(), model.sha256(), runtime.provider().id());
            return new DiffusionPipeline(
                    model,
                    runtime,
                    ClipTokenizer.load(files.tokenizer()),
                    files.schedulerConfig(),
                    textEncoder,
                    unet,
                    vaeDecoder,
                    vaeEncoder);
        } catch (OrtException | RuntimeException e) {
            closeAll(opened, e);
            throw e instanceof RuntimeException runtimeException
                    ? runtimeException
                    : new IllegalStateException("cannot load model " + directory + ": " + e.getMessage(), e);
        }
    }

    public ModelInfo model() {
        return model;
    }

    /** The provider the sessions run on, after any fallback to the CPU. */
    public ExecutionProvider provider() {
        return runtime.provider();
    }

    public GenerationResult generate(GenerationRequest request) {
        return generate(request, ProgressListener.NONE, () -> false);
    }

    /**
     * Runs a request. {@code cancelled} is polled before every step; when it turns true the call throws
     * {@link GenerationCancelledException} without starting another UNet pass.
     */
    public GenerationResult generate(GenerationRequest request, ProgressListener listener, BooleanSupplier cancelled) {
        checkAgainstModel(request);
        try {
            return run(request, listener, cancelled);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    private void checkAgainstModel(GenerationRequest request) {
        if (request.initImage().isPresent() && vaeEncoder.isEmpty()) {
            throw new InvalidRequestException(
                    "initImage", "model " + model.name() + " has no vae_encoder, so it cannot do image-to-image");
        }
        if (request.scheduler() == SchedulerKind.LCM && request.steps() > schedulerConfig.originalInferenceSteps()) {
            throw new InvalidRequestException(
                    "steps",
                    "LCM runs at most " + schedulerConfig.originalInferenceSteps() + " steps, got " + request.steps());
        }
    }

    private GenerationResult run(GenerationRequest request, ProgressListener listener, BooleanSupplier cancelled)
            throws OrtException {
        long start = System.nanoTime();
        RunClock clock = new RunClock();
        List<String> warnings = new ArrayList<>();
        float[] conditional = encode(request.prompt(), "prompt", warnings, clock);
        float[] unconditional =
                request.guided() ? encode(request.negativePrompt(), "negativePrompt", warnings, clock) : null;
        long encoded = System.nanoTime();

        DenoisingLoop loop =
                new DenoisingLoop(request, schedulerConfig, unet.latentChannels(), listener, cancelled, start);
        float[] latents = loop.initialLatents(request.initImage().isPresent() ? encodeInit(request, clock) : null);
        try (UNet.Binding binding = unet.bind(
                loop.unetBatch(),
                request.height() / 8,
                request.width() / 8,
                sequenceLength,
                conditional.length / sequenceLength)) {
            loop.condition(binding, conditional, unconditional);
            loop.denoise(latents, binding, unet, clock);
        }
        long denoised = System.nanoTime();

        List<GeneratedImage> images = new ArrayList<>(request.count());
        int latentSize = loop.latentSize();
        float[] pixels = new float[3 * request.width() * request.height()];
        try (VaeDecoder.Binding decoding = vaeDecoder.bind(unet.latentChannels(), request.height(), request.width())) {
            for (int i = 0; i < request.count(); i++) {
                decoding.latents()
                        .writeScaled(latents, i * latentSize, latentSize, (float) (1.0 / model.vaeScalingFactor()), 0);
                vaeDecoder.decode(decoding, clock);
                decoding.image().read(pixels, 0);
                BufferedImage image = ImageTensors.toImage(pixels, request.width(), request.height());
                long seed = request.seed() + i;
                images.add(new GeneratedImage(seed, image, A1111Parameters.format(request, seed, model)));
            }
        }
        long end = System.nanoTime();
        Timings timings = new Timings(
                Duration.ofNanos(end - start),
                Duration.ofNanos(clock.nanos()),
                Duration.ofNanos(encoded - start),
                Duration.ofNanos(denoised - encoded),
                Duration.ofNanos(end - denoised),
                loop.stepsRun(),
                request.count());
        return new GenerationResult(images, timings, warnings);
    }

    private float[] encode(String text, String field, List<String> warnings, RunClock clock) throws OrtException {
        TokenizedPrompt tokens = tokenizer.encode(text, sequenceLength);
        if (tokens.truncated()) {
            String warning = field + " is longer than " + (sequenceLength - 2) + " tokens and was truncated";
            LOG.warn(warning);
            warnings.add(warning);
        }
        return textEncoder.encode(tokens.ids(), tokens.length(), clock);
    }

    /** The init image's latents (the distribution's mean), scaled like the UNet's latents. */
    private float[] encodeInit(GenerationRequest request, RunClock clock) throws OrtException {
        float[] pixels = ImageTensors.toTensor(request.initImage().orElseThrow(), request.width(), request.height());
        float[] latents = vaeEncoder
                .orElseThrow()
                .encode(pixels, request.height(), request.width(), unet.latentChannels(), clock);
        float scale = (float) model.vaeScalingFactor();
        for (int i = 0; i < latents.length; i++) {
            latents[i] *= scale;
        }
        return latents;
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> opened, T resource) {
        opened.add(resource);
        return resource;
    }

    private static void closeAll(List<AutoCloseable> opened, Exception cause) {
        for (AutoCloseable resource : opened.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(List.of(textEncoder, unet, vaeDecoder));
        vaeEncoder.ifPresent(all::add);
        IllegalStateException failure = new IllegalStateException("closing model " + model.name() + " failed");
        closeAll(all, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
