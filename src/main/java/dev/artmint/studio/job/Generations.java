package dev.artmint.studio.job;

import dev.artmint.diffusion.InvalidRequestException;
import dev.artmint.diffusion.ModelDefaults;
import dev.artmint.diffusion.ModelFiles;
import dev.artmint.diffusion.ModelInfo;
import dev.artmint.diffusion.scheduler.SchedulerKind;
import dev.artmint.identity.Caller;
import dev.artmint.platform.limit.LimitsConfig;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import dev.artmint.studio.ModelCatalogue;
import dev.artmint.studio.StudioConfig;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.Artworks;
import dev.artmint.studio.credit.Credits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Accepts generation requests into the queue, shows jobs to their owners and cancels them. */
@ApplicationScoped
public class Generations {

    // a small job ends in seconds: a client over its share of the queue asks again after a while
    private static final Duration QUEUE_FULL_RETRY = Duration.ofSeconds(10);

    private final StudioConfig config;
    private final ModelCatalogue catalogue;
    private final PromptSafety safety;
    private final Credits credits;
    private final Artworks artworks;
    private final JobProgress progress;
    private final LimitsConfig limits;

    Generations(
            StudioConfig config,
            ModelCatalogue catalogue,
            PromptSafety safety,
            Credits credits,
            Artworks artworks,
            JobProgress progress,
            LimitsConfig limits) {
        this.limits = limits;
        this.config = config;
        this.catalogue = catalogue;
        this.safety = safety;
        this.credits = credits;
        this.artworks = artworks;
        this.progress = progress;
    }

    /**
     * Validates, checks the prompt and the user's share of the queue ({@code artmint.limits.queued-jobs-per-user}),
     * charges the credits and queues the job, all or nothing.
     */
    @Transactional
    public JobView submit(Caller caller, GenerationSpec spec) {
        GenerationJob job = validated(caller, spec);
        safety.blockedTerm(job.prompt).ifPresent(term -> {
            throw blocked("prompt", term);
        });
        safety.blockedTerm(job.negativePrompt).ifPresent(term -> {
            throw blocked("negativePrompt", term);
        });
        long open = GenerationJob.count(
                "userId = ?1 and status in (?2, ?3)", caller.id(), JobStatus.QUEUED, JobStatus.RUNNING);
        if (open >= limits.queuedJobsPerUser()) {
            throw Refusal.rateLimited(
                    "you have " + open + " generation jobs waiting or running, the most at once; submit again"
                            + " once one has ended",
                    QUEUE_FULL_RETRY);
        }
        job.charged(credits.charge(caller.id(), job.count));
        job.persist();
        return view(job);
    }

    @Transactional
    public Optional<JobView> find(UUID jobId, Caller caller) {
        return owned(jobId, caller).map(this::view);
    }

    /** Cancels a queued job at once and a running one at its next step; images not made are refunded. */
    @Transactional
    public Optional<JobView> cancel(UUID jobId, Caller caller) {
        Optional<GenerationJob> found = owned(jobId, caller);
        found.filter(job -> !job.status.finished()).ifPresent(job -> {
            GenerationJob locked = GenerationJob.findById(job.id, LockModeType.PESSIMISTIC_WRITE);
            locked.cancelRequested = true;
            locked.updatedAt = Instant.now();
            if (locked.status == JobStatus.QUEUED) {
                locked.status = JobStatus.CANCELLED;
                locked.finishedAt = locked.updatedAt;
                credits.refund(locked.userId, locked.charge(), locked.count - (int) Artwork.count("jobId", locked.id));
            } else {
                progress.requestCancel(locked.id);
            }
        });
        return found.map(this::view);
    }

    @Transactional
    Optional<GenerationJob> owned(UUID jobId, Caller caller) {
        return GenerationJob.<GenerationJob>findByIdOptional(jobId)
                .filter(job -> caller.admin() || caller.is(job.userId));
    }

    @Transactional
    JobView view(GenerationJob job) {
        // the others ahead, plus this one as it was read: right even if it leaves the queue before the count
        int position = job.status == JobStatus.QUEUED
                ? 1
                        + (int) GenerationJob.count(
                                "status = ?1 and createdAt <= ?2 and id <> ?3", JobStatus.QUEUED, job.createdAt, job.id)
                : 0;
        int step = job.progressStep;
        int total = job.progressTotal;
        Optional<JobProgress.Step> live = progress.latest(job.id);
        if (live.isPresent() && live.get().step() > step) {
            step = live.get().step();
            total = live.get().total();
        }
        return new JobView(
                job.id,
                job.status,
                position,
                step,
                total,
                job.count,
                job.model,
                job.prompt,
                job.seed,
                job.attempts,
                Artwork.ofJob(job.id).stream().map(artwork -> artwork.id).toList(),
                job.error,
                job.createdAt,
                job.finishedAt);
    }

    private GenerationJob validated(Caller caller, GenerationSpec spec) {
        StudioConfig.Limits limits = config.limits();
        ModelInfo model = (spec.model() == null ? catalogue.defaultModel() : catalogue.find(spec.model()))
                .orElseThrow(() -> new InvalidRequestException(
                        "model",
                        spec.model() == null ? "no model is installed" : "unknown model '" + spec.model() + "'"));
        ModelDefaults defaults = model.defaults();
        GenerationJob job = new GenerationJob();
        job.id = UUID.randomUUID();
        job.userId = caller.id();
        job.status = JobStatus.QUEUED;
        job.model = model.name();
        job.prompt = text("prompt", spec.prompt(), limits.promptLength(), true);
        job.negativePrompt = text("negativePrompt", spec.negativePrompt(), limits.promptLength(), false);
        job.seed =
                spec.seed() != null ? spec.seed() : ThreadLocalRandom.current().nextLong(0, 1L << 32);
        job.steps = between("steps", spec.steps() != null ? spec.steps() : defaults.steps(), 1, limits.steps());
        job.guidance = guidance(spec.guidance() != null ? spec.guidance() : defaults.guidance(), limits.guidance());
        job.width = side("width", spec.width() != null ? spec.width() : defaults.width(), limits.side());
        job.height = side("height", spec.height() != null ? spec.height() : defaults.height(), limits.side());
        job.count = between("count", spec.count() != null ? spec.count() : 1, 1, limits.count());
        SchedulerKind scheduler = (spec.scheduler() == null
                        ? Optional.of(defaults.scheduler())
                        : SchedulerKind.find(spec.scheduler()))
                .orElseThrow(() -> new InvalidRequestException(
                        "scheduler",
                        "unknown scheduler '" + spec.scheduler() + "', expected one of " + SchedulerKind.ids()));
        job.scheduler = scheduler.id();
        if (scheduler == SchedulerKind.LCM) {
            // refused now, not by the worker after the credits are charged
            int most = new ModelFiles(model.directory()).mostSteps(scheduler);
            if (job.steps > most) {
                throw new InvalidRequestException(
                        "steps",
                        "the " + scheduler.id() + " scheduler runs at most " + most + " steps, got " + job.steps);
            }
        }
        if (spec.initArtworkId() != null) {
            artworks.readable(spec.initArtworkId(), caller)
                    .orElseThrow(() -> new InvalidRequestException(
                            "initArtworkId", "no artwork " + spec.initArtworkId() + " that you may read"));
            if (new ModelFiles(model.directory()).vaeEncoder().isEmpty()) {
                throw new InvalidRequestException(
                        "initArtworkId", "model " + model.name() + " has no vae_encoder, so it cannot make variations");
            }
            job.initArtworkId = spec.initArtworkId();
            double strength = spec.strength() != null ? spec.strength() : 0.75;
            if (Double.isNaN(strength) || strength < 0 || strength > 1) {
                throw new InvalidRequestException("strength", "must be between 0 and 1, got " + strength);
            }
            job.strength = strength;
        } else if (spec.strength() != null) {
            throw new InvalidRequestException("strength", "applies only with initArtworkId");
        }
        job.runAfter = Instant.now();
        job.createdAt = job.runAfter;
        job.updatedAt = job.runAfter;
        return job;
    }

    private static String text(String field, String value, int maxLength, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw new InvalidRequestException(field, "is required");
        }
        if (text.length() > maxLength) {
            throw new InvalidRequestException(
                    field, "must be at most " + maxLength + " characters, got " + text.length());
        }
        return text;
    }

    private static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidRequestException(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static int side(String field, int value, int max) {
        if (value < 64 || value > max || value % 8 != 0) {
            throw new InvalidRequestException(
                    field, "must be a multiple of 8 between 64 and " + max + ", got " + value);
        }
        return value;
    }

    private static double guidance(double value, double max) {
        if (Double.isNaN(value) || value < 0 || value > max) {
            throw new InvalidRequestException("guidance", "must be between 0 and " + max + ", got " + value);
        }
        return value;
    }

    /** A prompt matched the blocklist: refused before any credit is charged. */
    private static Refusal blocked(String field, String term) {
        String message = field + " contains the blocked term \"" + term + "\"";
        return Refusal.of(ProblemType.BLOCKED_PROMPT, message + "; no credit was charged")
                .withError(field, message);
    }
}
