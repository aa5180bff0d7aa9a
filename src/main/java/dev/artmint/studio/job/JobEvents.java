package dev.artmint.studio.job;

import dev.artmint.identity.Caller;
import dev.artmint.platform.limit.EventStreams;
import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.studio.StudioConfig;
import dev.artmint.studio.artwork.ArtworkView;
import dev.artmint.studio.artwork.Artworks;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    private final EventStreams streams;

    JobEvents(
            Generations generations,
            Artworks artworks,
            JobProgress progress,
            StudioConfig config,
            EventStreams streams) {
        this.streams = streams;
        this.generations = generations;
        this.artworks = artworks;
        this.progress = progress;
        this.config = config;
    }

    /** The events of the job after {@code told} ({@link JobEventId#START} for all of them). */
    public Multi<Event> of(UUID jobId, Caller caller, JobEventId told) {
        Duration period = Duration.ofMillis(Math.max(50, config.pollInterval().toMillis() / 5));
        return streams.of(period, () -> new Watch(jobId, caller, told)::poll);
    }

    /** What one subscriber has been told so far. */
    private final class Watch {

        private final UUID jobId;
        private final Caller caller;
        private JobEventId told;

        Watch(UUID jobId, Caller caller, JobEventId told) {
            this.jobId = jobId;
            this.caller = caller;
            this.told = told;
        }

        EventStreams.Poll<Event> poll() {
            JobView job = generations.find(jobId, caller).orElseThrow();
            return new EventStreams.Poll<>(newEvents(job), job.status().finished());
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
}
