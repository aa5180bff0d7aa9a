package dev.artmint.studio.job;

import dev.artmint.identity.Caller;
import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.studio.StudioConfig;
import dev.artmint.studio.artwork.ArtworkView;
import dev.artmint.studio.artwork.Artworks;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The event stream of one job: {@code queued} while it waits (when its position drops), {@code progress} for every new
 * step, {@code image} for each artwork as it is committed (in image order), then {@code done} or {@code failed}, after
 * which the stream ends. Every event carries a {@link JobEventId}; a stream that starts from one tells only what came
 * after it. Steps of jobs running in this process come from memory, with previews; those of jobs running elsewhere from
 * the database.
 */
@ApplicationScoped
public class JobEvents {

    /** One event: its SSE name and id, and its JSON data. */
    public record Event(String name, String id, Object data) {}

    private final Generations generations;
    private final Artworks artworks;
    private final JobProgress progress;
    private final StudioConfig config;
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(
            1, Thread.ofPlatform().name("job-events-", 0).daemon().factory());

    JobEvents(Generations generations, Artworks artworks, JobProgress progress, StudioConfig config) {
        this.generations = generations;
        this.artworks = artworks;
        this.progress = progress;
        this.config = config;
    }

    /** The events of the job after {@code told} ({@link JobEventId#START} for all of them). */
    public Multi<Event> of(UUID jobId, Caller caller, JobEventId told) {
        return Multi.createFrom().emitter(emitter -> {
            Watch watch = new Watch(jobId, caller, told, emitter);
            long period = Math.max(50, config.pollInterval().toMillis() / 5);
            // the first poll waits for the task to be set, so a stream that ends at once still stops its task
            synchronized (watch) {
                watch.task = poller.scheduleWithFixedDelay(watch::poll, 0, period, TimeUnit.MILLISECONDS);
            }
            emitter.onTermination(watch::stop);
        });
    }

    /** What one subscriber has been told so far. */
    private final class Watch {

        private final UUID jobId;
        private final Caller caller;
        private final MultiEmitter<? super Event> emitter;
        private ScheduledFuture<?> task;
        private JobEventId told;

        Watch(UUID jobId, Caller caller, JobEventId told, MultiEmitter<? super Event> emitter) {
            this.jobId = jobId;
            this.caller = caller;
            this.told = told;
            this.emitter = emitter;
        }

        synchronized void poll() {
            try {
                JobView job = generations.find(jobId, caller).orElseThrow();
                for (Event event : newEvents(job)) {
                    emitter.emit(event);
                }
                if (job.status().finished()) {
                    stop();
                    emitter.complete();
                }
            } catch (RuntimeException e) {
                stop();
                emitter.fail(e);
            }
        }

        synchronized void stop() {
            task.cancel(false);
        }

        private List<Event> newEvents(JobView job) {
            List<Event> events = new ArrayList<>();
            if (job.status() == JobStatus.QUEUED
                    && told.waiting()
                    && job.queuePosition() > 0
                    && job.queuePosition() < told.position()) {
                told = told.queued(job.queuePosition());
                events.add(event("queued", Map.of("position", job.queuePosition())));
            }
            var live = progress.latest(jobId).filter(latest -> latest.step() > told.step());
            if (live.isPresent()) {
                told = told.atStep(live.get().step());
                events.add(event("progress", live.get()));
            } else if (job.step() > told.step() && job.status() == JobStatus.RUNNING) {
                told = told.atStep(job.step());
                events.add(event("progress", new JobProgress.Step(job.step(), job.totalSteps(), null)));
            }
            if (job.artworks().size() > told.images()) {
                for (ArtworkView artwork : artworks.ofJob(jobId, told.images())) {
                    told = told.withImages(told.images() + 1, job.step());
                    events.add(event("image", artwork));
                }
            }
            if (job.status().finished()) {
                told = told.ended(told.images(), job.step());
                events.add(end(job));
            }
            return events;
        }

        private Event end(JobView job) {
            URI instance = URI.create("/api/generations/" + jobId);
            return switch (job.status()) {
                case SUCCEEDED -> event("done", Map.of("artworks", job.artworks()));
                case CANCELLED ->
                    event(
                            "failed",
                            Problem.of(ProblemType.GENERATION_CANCELLED, job.error())
                                    .at(instance));
                default ->
                    event(
                            "failed",
                            Problem.of(ProblemType.GENERATION_FAILED, job.error())
                                    .at(instance));
            };
        }

        private Event event(String name, Object data) {
            return new Event(name, told.toString(), data);
        }
    }

    @PreDestroy
    void close() {
        poller.shutdownNow();
    }
}
