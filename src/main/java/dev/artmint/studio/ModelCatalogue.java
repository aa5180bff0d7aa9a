package dev.artmint.studio;

import dev.artmint.diffusion.DiffusionPipeline;
import dev.artmint.diffusion.ModelFiles;
import dev.artmint.diffusion.ModelInfo;
import dev.artmint.diffusion.onnx.RuntimeOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The models in the models folder: every sub-folder with a model_index.json. Descriptions (which hash every model file)
 * are read once per folder, pipelines loaded on first use and shared by all workers.
 */
@ApplicationScoped
public class ModelCatalogue {

    private final StudioConfig config;
    private final Map<Path, ModelInfo> described = new ConcurrentHashMap<>();
    private final Map<String, DiffusionPipeline> loaded = new ConcurrentHashMap<>();

    ModelCatalogue(StudioConfig config) {
        this.config = config;
    }

    /** The available models, by name. */
    public List<ModelInfo> models() {
        Path root = config.modelsDir();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("model_index.json")))
                    .map(folder -> described.computeIfAbsent(
                            folder.toAbsolutePath().normalize(), dir -> new ModelFiles(dir).describe()))
                    .sorted(Comparator.comparing(ModelInfo::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list models in " + root, e);
        }
    }

    public Optional<ModelInfo> find(String name) {
        return models().stream().filter(model -> model.name().equals(name)).findFirst();
    }

    /** The configured default model, or the first one when it is not installed. */
    public Optional<ModelInfo> defaultModel() {
        List<ModelInfo> models = models();
        return models.stream()
                .filter(model -> model.name().equals(config.defaultModel()))
                .findFirst()
                .or(() -> models.stream().findFirst());
    }

    /** The loaded pipeline of a model, on the CPU (the deterministic provider). */
    public DiffusionPipeline pipeline(String name) {
        return loaded.computeIfAbsent(
                name,
                key -> DiffusionPipeline.load(
                        find(key)
                                .orElseThrow(() -> new IllegalStateException("model " + key + " is not installed"))
                                .directory(),
                        RuntimeOptions.cpu(config.engineThreads())));
    }

    @PreDestroy
    void close() {
        loaded.values().forEach(DiffusionPipeline::close);
        loaded.clear();
    }
}
