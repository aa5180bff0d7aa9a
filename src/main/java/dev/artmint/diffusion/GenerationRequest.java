package dev.artmint.diffusion;

import dev.artmint.diffusion.scheduler.SchedulerKind;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * One generation: {@code count} images of {@code width x height} with seeds seed, seed + 1, ... Guidance at or below 1
 * turns classifier-free guidance off (one UNet pass per step, as SD-Turbo needs). With an init image it is
 * image-to-image: {@code strength} 0 keeps the image, 1 ignores it. A request that exists is valid: the constructor
 * rejects bad fields with {@link InvalidRequestException}.
 */
public record GenerationRequest(
        String prompt,
        String negativePrompt,
        long seed,
        int steps,
        double guidance,
        int width,
        int height,
        int count,
        SchedulerKind scheduler,
        Optional<BufferedImage> initImage,
        double strength,
        int previewEvery) {

    public static final int MAX_STEPS = 500;
    public static final int MAX_SIDE = 2048;
    public static final int MAX_COUNT = 16;
    public static final double MAX_GUIDANCE = 50;

    public GenerationRequest {
        if (prompt == null) {
            throw new InvalidRequestException("prompt", "is required");
        }
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        if (steps < 1 || steps > MAX_STEPS) {
            throw new InvalidRequestException("steps", "must be between 1 and " + MAX_STEPS + ", got " + steps);
        }
        if (Double.isNaN(guidance) || guidance < 0 || guidance > MAX_GUIDANCE) {
            throw new InvalidRequestException(
                    "guidance", "must be between 0 and " + MAX_GUIDANCE + ", got " + guidance);
        }
        checkSide("width", width);
        checkSide("height", height);
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidRequestException("count", "must be between 1 and " + MAX_COUNT + ", got " + count);
        }
        if (scheduler == null) {
            throw new InvalidRequestException("scheduler", "is required, one of " + SchedulerKind.ids());
        }
        initImage = initImage == null ? Optional.empty() : initImage;
        if (Double.isNaN(strength) || strength < 0 || strength > 1) {
            throw new InvalidRequestException("strength", "must be between 0 and 1, got " + strength);
        }
        if (previewEvery < 0) {
            throw new InvalidRequestException("previewEvery", "must not be negative, got " + previewEvery);
        }
    }

    private static void checkSide(String field, int value) {
        if (value < 64 || value > MAX_SIDE || value % 8 != 0) {
            throw new InvalidRequestException(
                    field, "must be a multiple of 8 between 64 and " + MAX_SIDE + ", got " + value);
        }
    }

    /** Classifier-free guidance runs only above 1; at 1 it would equal the conditional prediction. */
    public boolean guided() {
        return guidance > 1;
    }

    public static Builder builder(ModelDefaults defaults) {
        return new Builder(defaults);
    }

    /** Fills unset fields from a model's defaults; {@link #build()} validates. */
    public static final class Builder {

        private String prompt = "";
        private String negativePrompt = "";
        private long seed;
        private int steps;
        private double guidance;
        private int width;
        private int height;
        private int count = 1;
        private SchedulerKind scheduler;
        private BufferedImage initImage;
        private double strength = 0.75;
        private int previewEvery;

        private Builder(ModelDefaults defaults) {
            steps = defaults.steps();
            guidance = defaults.guidance();
            width = defaults.width();
            height = defaults.height();
            scheduler = defaults.scheduler();
        }

        public Builder prompt(String value) {
            prompt = value;
            return this;
        }

        public Builder negativePrompt(String value) {
            negativePrompt = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder steps(int value) {
            steps = value;
            return this;
        }

        public Builder guidance(double value) {
            guidance = value;
            return this;
        }

        public Builder size(int newWidth, int newHeight) {
            width = newWidth;
            height = newHeight;
            return this;
        }

        public Builder count(int value) {
            count = value;
            return this;
        }

        public Builder scheduler(SchedulerKind value) {
            scheduler = value;
            return this;
        }

        /** Looks the scheduler up by id or AUTOMATIC1111 name. */
        public Builder scheduler(String name) {
            scheduler = SchedulerKind.find(name)
                    .orElseThrow(() -> new InvalidRequestException(
                            "scheduler", "unknown scheduler '" + name + "', expected one of " + SchedulerKind.ids()));
            return this;
        }

        public Builder initImage(BufferedImage image, double imageStrength) {
            initImage = image;
            strength = imageStrength;
            return this;
        }

        public Builder previewEvery(int value) {
            previewEvery = value;
            return this;
        }

        public GenerationRequest build() {
            return new GenerationRequest(
                    prompt,
                    negativePrompt,
                    seed,
                    steps,
                    guidance,
                    width,
                    height,
                    count,
                    scheduler,
                    Optional.ofNullable(initImage),
                    strength,
                    previewEvery);
        }
    }
}
