package dev.artmint.studio.job;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.artmint.studio.StudioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's view of the jobs its workers run: the latest step of each (with a preview when there is one), and
 * cancellations asked for here, so a worker in this process stops at once rather than at its next heartbeat.
 */
@ApplicationScoped
public class JobProgress {

    static final int MAX_CANCELLED = 10_000;

    /** A step of a running job; {@code preview} is a PNG data URL or null. */
    public record Step(int step, int total, String preview) {}

    // one entry per job a worker of this process runs, removed when it ends: bounded by the workers
    private final Map<UUID, Step> latest = new ConcurrentHashMap<>();
    // a job cancelled here may run in another process, which never forgets it here: entries expire after a lease, by
    // when the job's own worker has read the cancellation from its row at a heartbeat
    private final Cache<UUID, Boolean> cancelled;

    JobProgress(StudioConfig config) {
        this.cancelled = Caffeine.newBuilder()
                .maximumSize(MAX_CANCELLED)
                .expireAfterWrite(config.lease())
                .build();
    }

    void report(UUID jobId, Step step) {
        latest.put(jobId, step);
    }

    public Optional<Step> latest(UUID jobId) {
        return Optional.ofNullable(latest.get(jobId));
    }

    void requestCancel(UUID jobId) {
        cancelled.put(jobId, Boolean.TRUE);
    }

    boolean cancelRequested(UUID jobId) {
        return cancelled.getIfPresent(jobId) != null;
    }

    void forget(UUID jobId) {
        latest.remove(jobId);
        cancelled.invalidate(jobId);
    }

    /** Cancellations held in memory: at most {@link #MAX_CANCELLED}, each for at most a lease. */
    long cancellationsHeld() {
        cancelled.cleanUp();
        return cancelled.estimatedSize();
    }
}
