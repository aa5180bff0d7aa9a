package dev.artmint.diffusion.cli;

import dev.artmint.diffusion.DiffusionPipeline;
import dev.artmint.diffusion.GeneratedImage;
import dev.artmint.diffusion.GenerationRequest;
import dev.artmint.diffusion.GenerationResult;
import dev.artmint.diffusion.InvalidRequestException;
import dev.artmint.diffusion.Timings;
import dev.artmint.diffusion.onnx.ExecutionProvider;
import dev.artmint.diffusion.onnx.RuntimeOptions;
import dev.artmint.diffusion.scheduler.SchedulerKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** {@code artmint generate}: text-to-image or image-to-image from the command line, one PNG per image. */
public final class GenerateCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Set<String> OPTIONS = Set.of(
            "--model",
            "--prompt",
            "--negative-prompt",
            "--seed",
            "--steps",
            "--guidance",
            "--width",
            "--height",
            "--count",
            "--scheduler",
            "--init",
            "--strength",
            "--out",
            "--threads",
            "--provider");
    private static final Map<String, String> FIELD_OPTIONS = Map.of(
            "negativePrompt", "--negative-prompt", "initImage", "--init", "width", "--width", "height", "--height");

    private static final String USAGE_TEXT = """
            usage: artmint generate --prompt TEXT [options]
              --model DIR              diffusers ONNX model folder (default models/artmint-tiny)
              --prompt TEXT            what to draw
              --negative-prompt TEXT   what to avoid (used when guidance > 1)
              --seed N                 seed of the first image, the next ones use N+1, N+2 ... (default random)
              --steps N                denoising steps (default: the model's)
              --guidance X             classifier-free guidance scale, <= 1 turns it off (default: the model's)
              --width N, --height N    image size, multiples of 8 (default: the model's)
              --count N                images in one batch (default 1)
              --scheduler NAME         %s (default: the model's)
              --init IMAGE             start from this image (image-to-image)
              --strength X             how much of the init image to repaint, 0..1 (default 0.75)
              --out FILE               output .png; with --count > 1 it gets -1, -2 ... (default artmint-SEED.png)
              --threads N              ONNX Runtime intra-op threads, 0 = one per core (default 0)
              --provider cpu|cuda      execution provider (default cpu; cuda falls back to cpu when absent)
              --help                   this text
            """.formatted(SchedulerKind.ids());

    private GenerateCommand() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns the process exit code: 0 done, 1 failed, 2 bad usage. */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                out.print(USAGE_TEXT);
                return OK;
            }
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                err.println(OPTIONS.contains(args[i]) ? args[i] + " needs a value" : "unknown option " + args[i]);
                err.print(USAGE_TEXT);
                return USAGE;
            }
            options.put(args[i], args[++i]);
        }
        if (!options.containsKey("--prompt")) {
            err.println("--prompt is required");
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            return generate(options, out);
        } catch (InvalidRequestException e) {
            err.println("invalid " + FIELD_OPTIONS.getOrDefault(e.field(), "--" + e.field()) + ": "
                    + e.getMessage().substring(e.field().length() + 2));
            return USAGE;
        } catch (NumberFormatException e) {
            err.println("not a number: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("generation failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static int generate(Map<String, String> options, PrintStream out) {
        Path model = Path.of(options.getOrDefault("--model", "models/artmint-tiny"));
        ExecutionProvider provider = ExecutionProvider.find(options.getOrDefault("--provider", "cpu"))
                .orElseThrow(() -> new InvalidRequestException("provider", "expected cpu or cuda"));
        int threads = Integer.parseInt(options.getOrDefault("--threads", "0"));
        if (threads < 0) {
            throw new InvalidRequestException("threads", "must not be negative");
        }
        long loadStart = System.nanoTime();
        try (DiffusionPipeline pipeline = DiffusionPipeline.load(model, new RuntimeOptions(provider, 0, threads, 1))) {
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            GenerationRequest request = request(options, pipeline);
            GenerationResult result = pipeline.generate(request);
            String target = options.getOrDefault("--out", "artmint-" + request.seed() + ".png");
            for (int i = 0; i < result.images().size(); i++) {
                GeneratedImage image = result.images().get(i);
                Path file = Path.of(result.images().size() == 1 ? target : suffixed(target, i + 1));
                write(file, image.png());
                out.printf("wrote %s (seed %d)%n", file.toAbsolutePath(), image.seed());
            }
            result.warnings().forEach(warning -> out.println("warning: " + warning));
            Timings t = result.timings();
            out.printf(
                    "model %s on %s, loaded in %.2f s%n",
                    pipeline.model().name(), pipeline.provider().id(), loadSeconds);
            out.printf(
                    "%d steps x %d image(s): %.1f ms/step, %.2f s/image, total %.2f s"
                            + " (text %.2f s, denoise %.2f s, decode %.2f s), ONNX Runtime %.2f s, overhead x%.3f%n",
                    t.steps(),
                    t.images(),
                    t.perStep().toNanos() / 1e6,
                    t.perImage().toNanos() / 1e9,
                    t.total().toNanos() / 1e9,
                    t.textEncoding().toNanos() / 1e9,
                    t.denoising().toNanos() / 1e9,
                    t.decoding().toNanos() / 1e9,
                    t.onnx().toNanos() / 1e9,
                    t.overheadRatio());
            return OK;
        }
    }

    private static GenerationRequest request(Map<String, String> options, DiffusionPipeline pipeline) {
        GenerationRequest.Builder builder = GenerationRequest.builder(
                        pipeline.model().defaults())
                .prompt(options.get("--prompt"))
                .negativePrompt(options.getOrDefault("--negative-prompt", ""))
                .seed(
                        options.containsKey("--seed")
                                ? Long.parseLong(options.get("--seed"))
                                : new SecureRandom().nextInt(Integer.MAX_VALUE));
        ifPresent(options, "--steps", v -> builder.steps(Integer.parseInt(v)));
        ifPresent(options, "--guidance", v -> builder.guidance(Double.parseDouble(v)));
        ifPresent(options, "--count", v -> builder.count(Integer.parseInt(v)));
        ifPresent(options, "--scheduler", builder::scheduler);
        var defaults = pipeline.model().defaults();
        builder.size(
                Integer.parseInt(options.getOrDefault("--width", String.valueOf(defaults.width()))),
                Integer.parseInt(options.getOrDefault("--height", String.valueOf(defaults.height()))));
        if (options.containsKey("--init")) {
            builder.initImage(
                    readImage(Path.of(options.get("--init"))),
                    Double.parseDouble(options.getOrDefault("--strength", "0.75")));
        }
        return builder.build();
    }

    private static void ifPresent(Map<String, String> options, String key, Consumer<String> use) {
        if (options.containsKey(key)) {
            use.accept(options.get(key));
        }
    }

    private static BufferedImage readImage(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new InvalidRequestException("initImage", file + " is not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new InvalidRequestException("initImage", "cannot read " + file + ": " + e.getMessage());
        }
    }

    static String suffixed(String target, int index) {
        int dot = target.toLowerCase(Locale.ROOT).endsWith(".png") ? target.length() - 4 : target.length();
        return target.substring(0, dot) + "-" + index + target.substring(dot);
    }

    private static void write(Path file, byte[] png) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
