package dev.artmint.studio.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A generation job as the API shows it; {@code queuePosition} is 1 for the next job to run, 0 once it left the queue.
 */
public record JobView(
        UUID id,
        JobStatus status,
        int queuePosition,
        int step,
        int totalSteps,
        int count,
        String model,
        String prompt,
        long seed,
        int attempts,
        List<UUID> artworks,
        String error,
        Instant createdAt,
        Instant finishedAt) {}
