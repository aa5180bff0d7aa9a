package dev.artmint.diffusion.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The diffusers scheduler_config.json fields the schedulers read. Fields whose diffusers default differs per scheduler
 * class stay optional so each scheduler applies its own default.
 */
public record SchedulerConfig(
        String className,
        int numTrainTimesteps,
        double betaStart,
        double betaEnd,
        String betaSchedule,
        PredictionType predictionType,
        Optional<TimestepSpacing> timestepSpacing,
        int stepsOffset,
        Optional<Boolean> setAlphaToOne,
        Optional<Boolean> clipSample,
        double clipSampleRange,
        boolean useKarrasSigmas,
        String finalSigmasType,
        int originalInferenceSteps,
        double timestepScaling) {

    public SchedulerConfig {
        if (!betaSchedule.equals("linear") && !betaSchedule.equals("scaled_linear")) {
            throw new IllegalArgumentException("unsupported beta_schedule: " + betaSchedule);
        }
        if (!finalSigmasType.equals("zero") && !finalSigmasType.equals("sigma_min")) {
            throw new IllegalArgumentException("unsupported final_sigmas_type: " + finalSigmasType);
        }
    }

    /** The Stable Diffusion 1.x training schedule. */
    public static SchedulerConfig stableDiffusion() {
        return new SchedulerConfig(
                "EulerAncestralDiscreteScheduler",
                1000,
                0.00085,
                0.012,
                "scaled_linear",
                PredictionType.EPSILON,
                Optional.empty(),
                1,
                Optional.empty(),
                Optional.empty(),
                1.0,
                false,
                "zero",
                50,
                10.0);
    }

    public static SchedulerConfig read(Path file) {
        try {
            return of(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scheduler config " + file, e);
        }
    }

    public static SchedulerConfig of(JsonNode json) {
        if (json.path("rescale_betas_zero_snr").asBoolean(false)) {
            throw new IllegalArgumentException("rescale_betas_zero_snr is not supported");
        }
        if (json.hasNonNull("trained_betas")) {
            throw new IllegalArgumentException("trained_betas is not supported");
        }
        return new SchedulerConfig(
                json.path("_class_name").asText(""),
                json.path("num_train_timesteps").asInt(1000),
                json.path("beta_start").asDouble(0.0001),
                json.path("beta_end").asDouble(0.02),
                json.path("beta_schedule").asText("linear"),
                PredictionType.of(json.path("prediction_type").asText("epsilon")),
                text(json, "timestep_spacing").map(TimestepSpacing::of),
                json.path("steps_offset").asInt(0),
                bool(json, "set_alpha_to_one"),
                bool(json, "clip_sample"),
                json.path("clip_sample_range").asDouble(1.0),
                json.path("use_karras_sigmas").asBoolean(false),
                json.path("final_sigmas_type").asText("zero"),
                json.path("original_inference_steps").asInt(50),
                json.path("timestep_scaling").asDouble(10.0));
    }

    private static Optional<String> text(JsonNode json, String field) {
        return json.hasNonNull(field) ? Optional.of(json.get(field).asText()) : Optional.empty();
    }

    private static Optional<Boolean> bool(JsonNode json, String field) {
        return json.hasNonNull(field) ? Optional.of(json.get(field).asBoolean()) : Optional.empty();
    }
}
