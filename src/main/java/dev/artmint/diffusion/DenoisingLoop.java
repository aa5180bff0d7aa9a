package dev.artmint.diffusion;

import ai.onnxruntime.OrtException;
import dev.artmint.diffusion.image.LatentPreview;
import dev.artmint.diffusion.onnx.FloatSlot;
import dev.artmint.diffusion.onnx.RunClock;
import dev.artmint.diffusion.onnx.UNet;
import dev.artmint.diffusion.scheduler.NoiseSource;
import dev.artmint.diffusion.scheduler.Scheduler;
import dev.artmint.diffusion.scheduler.SchedulerConfig;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The sampling loop of one request. The batch is one latent array of {@code count} images; image i draws all its noise
 * from its own generator seeded with seed + i, so a batch reproduces the single runs. With guidance the UNet batch is
 * [unconditional x count, conditional x count].
 */
final class DenoisingLoop {

    private final GenerationRequest request;
    private final Scheduler scheduler;
    private final int channels;
    private final int latentSize;
    private final GaussianNoise[] noise;
    private final NoiseSource noiseSource;
    private final ProgressListener listener;
    private final BooleanSupplier cancelled;
    private final long startNanos;
    private final int firstStep;
    private int stepsRun;

    DenoisingLoop(
            GenerationRequest request,
            SchedulerConfig config,
            int channels,
            ProgressListener listener,
            BooleanSupplier cancelled,
            long startNanos) {
        this.request = request;
        this.scheduler = Scheduler.create(request.scheduler(), config, request.steps());
        this.channels = channels;
        this.latentSize = channels * (request.height() / 8) * (request.width() / 8);
        this.listener = listener;
        this.cancelled = cancelled;
        this.startNanos = startNanos;
        this.noise = new GaussianNoise[request.count()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = new GaussianNoise(request.seed() + i);
        }
        this.noiseSource = target -> {
            for (int i = 0; i < noise.length; i++) {
                noise[i].fill(target, i * latentSize, latentSize);
            }
        };
        int steps = scheduler.stepCount();
        // image-to-image skips the noisiest steps, as diffusers' img2img pipelines do
        this.firstStep =
                request.initImage().isPresent() ? steps - Math.min((int) (steps * request.strength()), steps) : 0;
    }

    int unetBatch() {
        return request.guided() ? 2 * request.count() : request.count();
    }

    int latentSize() {
        return latentSize;
    }

    int stepsRun() {
        return stepsRun;
    }

    /** Pure noise for text-to-image, or the init image's latents noised to the first step's level. */
    float[] initialLatents(float[] initLatents) {
        float[] latents = new float[request.count() * latentSize];
        if (initLatents == null) {
            noiseSource.fill(latents);
            float sigma = (float) scheduler.initNoiseSigma();
            for (int i = 0; i < latents.length; i++) {
                latents[i] *= sigma;
            }
            return latents;
        }
        for (int i = 0; i < request.count(); i++) {
            System.arraycopy(initLatents, 0, latents, i * latentSize, latentSize);
        }
        if (firstStep < scheduler.stepCount()) {
            float[] initialNoise = new float[latents.length];
            noiseSource.fill(initialNoise);
            scheduler.addNoise(latents, initialNoise, firstStep);
        }
        return latents;
    }

    void condition(UNet.Binding binding, float[] conditional, float[] unconditional) {
        FloatSlot hidden = binding.encoderHiddenStates();
        int count = request.count();
        for (int i = 0; i < count; i++) {
            if (unconditional != null) {
                hidden.write(unconditional, i * conditional.length);
                hidden.write(conditional, (count + i) * conditional.length);
            } else {
                hidden.write(conditional, i * conditional.length);
            }
        }
    }

    void denoise(float[] latents, UNet.Binding binding, UNet unet, RunClock clock) throws OrtException {
        boolean guided = request.guided();
        float guidance = (float) request.guidance();
        float[] prediction = new float[latents.length];
        FloatSlot output = binding.output();
        int total = scheduler.stepCount() - firstStep;
        for (int index = firstStep; index < scheduler.stepCount(); index++) {
            if (cancelled.getAsBoolean()) {
                throw new GenerationCancelledException(stepsRun);
            }
            float scale = (float) scheduler.modelInputScale(index);
            binding.sample().writeScaled(latents, scale, 0);
            if (guided) {
                binding.sample().writeScaled(latents, scale, latents.length);
            }
            binding.timestep(scheduler.timestep(index));
            unet.run(binding, clock);
            if (guided) {
                int offset = latents.length;
                for (int j = 0; j < prediction.length; j++) {
                    float uncond = output.get(j);
                    prediction[j] = uncond + guidance * (output.get(offset + j) - uncond);
                }
            } else {
                output.read(prediction, 0);
            }
            scheduler.step(index, prediction, latents, noiseSource);
            stepsRun++;
            listener.onStep(new StepProgress(
                    stepsRun, total, Duration.ofNanos(System.nanoTime() - startNanos), previews(latents, total)));
        }
    }

    private List<BufferedImage> previews(float[] latents, int total) {
        int every = request.previewEvery();
        if (every == 0 || channels != 4 || (stepsRun % every != 0 && stepsRun != total)) {
            return List.of();
        }
        List<BufferedImage> previews = new ArrayList<>(request.count());
        for (int i = 0; i < request.count(); i++) {
            previews.add(LatentPreview.project(latents, i * latentSize, request.width() / 8, request.height() / 8));
        }
        return previews;
    }
}
