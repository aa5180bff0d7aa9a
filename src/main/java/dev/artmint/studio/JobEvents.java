package dev.artmint.studio;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The event stream of one job: {@code queued} while it waits (when its position changes), {@code progress} for
 * every new step, then {@code done} or {@code failed}, after which the stream ends. Steps of jobs running in this
 * process come from memory, with previews; those of jobs running elsewhere from the database.
 */
@ApplicationScoped
public class JobEvents {

    /** One event: its SSE name and its JSON data. */
    public record Event(String name, Object data) {
    }

    private final Generations generations;
    private final JobProgress progress;
    private final StudioConfig config;
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(1,
            Thread.ofPlatform().name("job-events-", 0).daemon().factory());

    JobEvents(Generations generations, JobProgress progress, StudioConfig config) {
        this.generations = generations;
        this.progress = progress;
        this.config = config;
    }

    public Multi<Event> of(UUID jobId, UUID userId, boolean admin) {
        return Multi.createFrom().emitter(emitter -> {
            Watch watch = new Watch(jobId, userId, admin, emitter);
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
        private final UUID userId;
        private final boolean admin;
        private final MultiEmitter<? super Event> emitter;
        private ScheduledFuture<?> task;
        private int position = -1;
        private int step;

        Watch(UUID jobId, UUID userId, boolean admin, MultiEmitter<? super Event> emitter) {
            this.jobId = jobId;
            this.userId = userId;
            this.admin = admin;
            this.emitter = emitter;
        }

        synchronized void poll() {
            try {
                JobView job = generations.find(jobId, userId, admin).orElseThrow();
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
            if (job.status() == JobStatus.QUEUED && job.queuePosition() != position) {
                position = job.queuePosition();
                events.add(new Event("queued", Map.of("position", position)));
            }
            var live = progress.latest(jobId).filter(latest -> latest.step() > step);
            if (live.isPresent()) {
                step = live.get().step();
                events.add(new Event("progress", live.get()));
            } else if (job.step() > step && job.status() == JobStatus.RUNNING) {
                step = job.step();
                events.add(new Event("progress", new JobProgress.Step(job.step(), job.totalSteps(), null)));
            }
            switch (job.status()) {
                case SUCCEEDED -> events.add(new Event("done", Map.of("artworks", job.artworks())));
                case FAILED -> events.add(new Event("failed",
                        Problem.of(ProblemType.GENERATION_FAILED, job.error()).at(
                                URI.create("/api/generations/" + jobId))));
                case CANCELLED -> events.add(new Event("failed",
                        Problem.of(ProblemType.GENERATION_CANCELLED, job.error()).at(
                                URI.create("/api/generations/" + jobId))));
                default -> { }
            }
            return events;
        }
    }

    @PreDestroy
    void close() {
        poller.shutdownNow();
    }
}
