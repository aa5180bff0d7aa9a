package dev.artmint.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.artmint.diffusion.scheduler.SchedulerConfig;
import dev.artmint.diffusion.scheduler.SchedulerKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The diffusers / optimum ONNX folder layout: where each component lives, the model's configuration, and its digest.
 * The model digest is the SHA-256 of a sha256sum-style manifest ("hex, two spaces, relative path, newline" per file,
 * hidden files left out, sorted by path), so in the model folder {@code find . -type f | grep -v '/\.' | sed 's|^\./||'
 * | LC_ALL=C sort | xargs sha256sum | sha256sum} reproduces it.
 */
public record ModelFiles(Path directory) {

    private static final double SD_SCALING_FACTOR = 0.18215;

    public Path textEncoder() {
        return required("text_encoder/model.onnx");
    }

    public Path unet() {
        return required("unet/model.onnx");
    }

    public Path vaeDecoder() {
        return required("vae_decoder/model.onnx");
    }

    /** The VAE encoder is optional: without it the model only does text-to-image. */
    public Optional<Path> vaeEncoder() {
        Path path = directory.resolve("vae_encoder/model.onnx");
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    public Path tokenizer() {
        return required("tokenizer/vocab.json").getParent();
    }

    public SchedulerConfig schedulerConfig() {
        Path path = directory.resolve("scheduler/scheduler_config.json");
        return Files.isRegularFile(path) ? SchedulerConfig.read(path) : SchedulerConfig.stableDiffusion();
    }

    /** Reads model_index.json, the VAE configuration and hashes every file; done once per load. */
    /**
     * The most denoising steps {@code scheduler} can take with this model's noise schedule: LCM skips over its original
     * inference schedule, so it cannot take more steps than that has; the others take any number.
     */
    public int mostSteps(SchedulerKind scheduler) {
        return scheduler == SchedulerKind.LCM ? schedulerConfig().originalInferenceSteps() : Integer.MAX_VALUE;
    }

    public ModelInfo describe() {
        JsonNode index = json(required("model_index.json"));
        SchedulerConfig scheduler = schedulerConfig();
        JsonNode artmint = index.path("artmint");
        String folderName = directory.toAbsolutePath().normalize().getFileName().toString();
        int sampleSize =
                json(directory.resolve("unet/config.json")).path("sample_size").asInt(64);
        String schedulerName = artmint.path("scheduler").asText(null);
        SchedulerKind kind = schedulerName != null
                ? SchedulerKind.find(schedulerName)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "model_index.json names an unknown scheduler: " + schedulerName))
                : SchedulerKind.ofDiffusersClass(scheduler.className(), scheduler.useKarrasSigmas());
        ModelDefaults defaults = new ModelDefaults(
                artmint.path("name").asText(folderName),
                artmint.path("default_steps").asInt(25),
                artmint.path("default_guidance").asDouble(7.5),
                artmint.path("width").asInt(sampleSize * 8),
                artmint.path("height").asInt(sampleSize * 8),
                kind);
        Map<String, String> hashes = fileHashes();
        return new ModelInfo(defaults.name(), directory, defaults, scalingFactor(), manifestHash(hashes), hashes);
    }

    private double scalingFactor() {
        for (String config : List.of("vae_decoder/config.json", "vae_encoder/config.json", "vae/config.json")) {
            JsonNode node = json(directory.resolve(config));
            if (node.hasNonNull("scaling_factor")) {
                return node.get("scaling_factor").asDouble();
            }
        }
        return SD_SCALING_FACTOR;
    }

    private Map<String, String> fileHashes() {
        try {
            // a model folder is often a link to a volume; hash what it points to
            Path root = directory.toRealPath();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
                files = walk.filter(Files::isRegularFile)
                        .map(root::relativize)
                        .filter(ModelFiles::visible)
                        .sorted((a, b) -> unixPath(a).compareTo(unixPath(b)))
                        .toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("model folder " + directory + " holds no files");
            }
            Map<String, String> hashes = new LinkedHashMap<>();
            for (Path file : files) {
                hashes.put(unixPath(file), sha256(root.resolve(file)));
            }
            return hashes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash model files in " + directory, e);
        }
    }

    private static String manifestHash(Map<String, String> hashes) {
        StringBuilder manifest = new StringBuilder();
        hashes.forEach(
                (path, hash) -> manifest.append(hash).append("  ").append(path).append('\n'));
        MessageDigest digest = sha256();
        return HexFormat.of().formatHex(digest.digest(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    private static boolean visible(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static String unixPath(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private Path required(String relative) {
        Path path = directory.resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("not a diffusers ONNX model folder, missing " + path);
        }
        return path;
    }

    private static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
