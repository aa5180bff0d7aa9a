package dev.artmint.studio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** How the studio runs: models, workers and their queue, limits, credits, the prompt blocklist and the gallery. */
@ConfigMapping(prefix = "artmint.studio")
public interface StudioConfig {

    /** Folder whose sub-folders with a model_index.json are the available models. */
    @WithDefault("models")
    Path modelsDir();

    /** The model a request without one gets; the first model by name when this one is absent. */
    @WithDefault("artmint-tiny")
    String defaultModel();

    /** Worker threads started in this process; 0 runs none (the API still queues jobs). */
    @WithDefault("1")
    int workers();

    /** ONNX Runtime intra-op threads per model; 0 lets ONNX Runtime choose. */
    @WithDefault("0")
    int engineThreads();

    /** How long a claimed job stays with its worker without a heartbeat before another may take it. */
    @WithDefault("60s")
    Duration lease();

    /** How often an idle worker looks for a job, and how often event streams look at a job. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Attempts a job gets before it fails for good. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before a failed attempt is tried again. */
    @WithDefault("5s")
    Duration retryDelay();

    /** Every how many steps a progress event carries a preview image; 0 sends none. */
    @WithDefault("5")
    int previewEvery();

    /** Credits (one per image) each user gets per UTC day. */
    @WithDefault("50")
    int dailyCredits();

    Limits limits();

    Gallery gallery();

    /** Terms a prompt may not contain, matched after normalisation; any language. */
    @WithDefault("gore,beheading,child porn,csam,nude child,血腥,斩首,儿童色情")
    List<String> blocklist();

    /** The creator's gallery and its search. */
    interface Gallery {

        /** At start, index the artworks missing from the gallery's search index. */
        @WithDefault("true")
        boolean backfillOnStart();
    }

    /** What one request may ask for. */
    interface Limits {

        @WithDefault("1000")
        int promptLength();

        @WithDefault("100")
        int steps();

        @WithDefault("1024")
        int side();

        @WithDefault("4")
        int count();

        @WithDefault("30")
        double guidance();
    }
}
