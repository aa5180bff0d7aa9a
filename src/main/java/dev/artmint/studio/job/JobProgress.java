package dev.artmint.studio.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's view of the jobs its workers run: the latest step of each (with a preview when there is one), and
 * cancellations asked for here, so a worker in this process stops at once rather than at its next heartbeat.
 */
@ApplicationScoped
public class JobProgress {

    /** A step of a running job; {@code preview} is a PNG data URL or null. */
    public record Step(int step, int total, String preview) {}

    private final Map<UUID, Step> latest = new ConcurrentHashMap<>();
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();

    void report(UUID jobId, Step step) {
        latest.put(jobId, step);
    }

    public Optional<Step> latest(UUID jobId) {
        return Optional.ofNullable(latest.get(jobId));
    }

    void requestCancel(UUID jobId) {
        cancelled.add(jobId);
    }

    boolean cancelRequested(UUID jobId) {
        return cancelled.contains(jobId);
    }

    void forget(UUID jobId) {
        latest.remove(jobId);
        cancelled.remove(jobId);
    }
}
