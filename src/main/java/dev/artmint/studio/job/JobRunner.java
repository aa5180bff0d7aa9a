package dev.artmint.studio.job;

import dev.artmint.diffusion.DiffusionPipeline;
import dev.artmint.diffusion.GenerationCancelledException;
import dev.artmint.diffusion.GenerationRequest;
import dev.artmint.diffusion.GenerationResult;
import dev.artmint.diffusion.InvalidRequestException;
import dev.artmint.diffusion.StepProgress;
import dev.artmint.diffusion.image.PngCodec;
import dev.artmint.storage.ObjectStore;
import dev.artmint.studio.ModelCatalogue;
import dev.artmint.studio.StudioConfig;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.credit.Credits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jboss.logging.Logger;

/**
 * Runs one claimed job to its end: generate, write each image that has no artwork yet, then finish, cancel, retry or
 * fail it. Credits of images that were not made go back to the user when the job ends without them.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final StudioConfig config;
    private final JobQueue queue;
    private final ModelCatalogue catalogue;
    private final ArtworkWriter writer;
    private final ObjectStore store;
    private final JobProgress progress;
    private final Credits credits;
    private final PendingObjects pending;

    JobRunner(
            StudioConfig config,
            JobQueue queue,
            ModelCatalogue catalogue,
            ArtworkWriter writer,
            ObjectStore store,
            JobProgress progress,
            Credits credits,
            PendingObjects pending) {
        this.config = config;
        this.queue = queue;
        this.catalogue = catalogue;
        this.writer = writer;
        this.store = store;
        this.progress = progress;
        this.credits = credits;
        this.pending = pending;
    }

    /** Runs the job {@code owner} claimed; {@code stopping} turns true when the worker shuts down. */
    public void run(UUID jobId, String owner, BooleanSupplier stopping) {
        GenerationJob claimed = QuarkusTransaction.requiringNew().call(() -> GenerationJob.findById(jobId));
        ArtworkWriter.JobSnapshot job = ArtworkWriter.JobSnapshot.of(claimed);
        Heartbeat heartbeat = new Heartbeat(job.id(), owner);
        // what a worker killed between storing an image's objects and committing its row left behind
        pending.removeLeftovers(job.id());
        try {
            if (claimed.cancelRequested) {
                end(job, owner, JobStatus.CANCELLED, "cancelled", null);
            } else if (claimed.attempts > config.maxAttempts()) {
                end(
                        job,
                        owner,
                        JobStatus.FAILED,
                        "gave up after " + config.maxAttempts() + " attempts: " + claimed.error,
                        null);
            } else {
                generate(job, owner, heartbeat, stopping);
            }
        } catch (GenerationCancelledException e) {
            if (heartbeat.lost) {
                LOG.infof("job %s was taken over by another worker", job.id());
            } else if (stopping.getAsBoolean()) {
                queue.requeue(job.id(), owner, null, 0);
            } else {
                end(job, owner, JobStatus.CANCELLED, "cancelled after " + e.completedSteps() + " steps", null);
            }
        } catch (LeaseLostException e) {
            LOG.infof("job %s: %s", job.id(), e.getMessage());
        } catch (InvalidRequestException e) {
            end(job, owner, JobStatus.FAILED, e.getMessage(), null);
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (claimed.attempts < config.maxAttempts()) {
                LOG.warnf("job %s attempt %d failed, will retry: %s", job.id(), claimed.attempts, error);
                queue.requeue(job.id(), owner, error, config.retryDelay().toMillis());
            } else {
                LOG.errorf(e, "job %s failed after %d attempts", job.id(), claimed.attempts);
                end(job, owner, JobStatus.FAILED, error, null);
            }
        } finally {
            progress.forget(job.id());
        }
    }

    private void generate(ArtworkWriter.JobSnapshot job, String owner, Heartbeat heartbeat, BooleanSupplier stopping) {
        Set<Integer> done = madeIndices(job.id());
        DiffusionPipeline pipeline = catalogue.pipeline(job.model());
        GenerationRequest.Builder request = GenerationRequest.builder(
                        pipeline.model().defaults())
                .prompt(job.prompt())
                .negativePrompt(job.negativePrompt())
                .seed(job.seed())
                .steps(job.steps())
                .guidance(job.guidance())
                .size(job.width(), job.height())
                .count(job.count())
                .scheduler(job.scheduler())
                .previewEvery(config.previewEvery());
        if (job.initArtworkId() != null) {
            String key = QuarkusTransaction.requiringNew()
                    .call(() -> Artwork.<Artwork>findByIdOptional(job.initArtworkId())
                            .orElseThrow()
                            .imageKey);
            request.initImage(PngCodec.read(store.get(key)), job.strength());
        }
        heartbeat.beat(0, job.steps());
        GenerationResult result = pipeline.generate(
                request.build(),
                step -> heartbeat.onStep(step),
                () -> heartbeat.cancelled
                        || heartbeat.lost
                        || progress.cancelRequested(job.id())
                        || stopping.getAsBoolean());
        for (int index = 0; index < job.count(); index++) {
            if (!done.contains(index)) {
                heartbeat.beat(job.steps(), job.steps());
                if (heartbeat.lost) {
                    throw new LeaseLostException(job.id());
                }
                writer.write(
                        job,
                        owner,
                        index,
                        result.images().get(index),
                        pipeline.model(),
                        pipeline.provider().id());
            }
        }
        queue.finish(
                job.id(),
                owner,
                JobStatus.SUCCEEDED,
                null,
                result.timings().total().toMillis());
    }

    /** Ends the job for good and refunds the images it did not make. */
    private void end(ArtworkWriter.JobSnapshot job, String owner, JobStatus status, String error, Long engineMillis) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (queue.finish(job.id(), owner, status, error, engineMillis)) {
                GenerationJob ended = GenerationJob.findById(job.id());
                credits.refund(
                        job.userId(),
                        ended.charge(),
                        job.count() - madeIndices(job.id()).size());
            }
        });
    }

    private static Set<Integer> madeIndices(UUID jobId) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> Artwork.ofJob(jobId).stream()
                        .map(artwork -> artwork.imageIndex)
                        .collect(Collectors.toSet()));
    }

    /** Reports steps in this process at once and to the database at most a few times a lease. */
    private final class Heartbeat {

        private final UUID jobId;
        private final String owner;
        private final long intervalNanos;
        private long lastBeat;
        volatile boolean cancelled;
        volatile boolean lost;

        Heartbeat(UUID jobId, String owner) {
            this.jobId = jobId;
            this.owner = owner;
            this.intervalNanos =
                    Math.min(config.lease().toNanos() / 4, config.pollInterval().toNanos());
        }

        void onStep(StepProgress step) {
            String preview =
                    step.previews().isEmpty() ? null : dataUrl(step.previews().getFirst());
            progress.report(jobId, new JobProgress.Step(step.step(), step.total(), preview));
            if (System.nanoTime() - lastBeat >= intervalNanos || step.step() == step.total()) {
                beat(step.step(), step.total());
            }
        }

        void beat(int step, int total) {
            lastBeat = System.nanoTime();
            queue.heartbeat(jobId, owner, step, total)
                    .ifPresentOrElse(cancel -> cancelled |= cancel, () -> lost = true);
        }
    }

    private static String dataUrl(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            return null;
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
