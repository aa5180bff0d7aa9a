package dev.artmint.platform.limit;

import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Event streams that poll their subject: each subscriber's poll runs on a small shared scheduler, and its stream ends
 * when the subject is final or when it has been open for {@code artmint.limits.stream-max-duration}, whichever comes
 * first, so no stream holds a subscriber, a poll task or a connection for good.
 */
@ApplicationScoped
public class EventStreams {

    /** What one poll found: the events to send now, and whether the subject is final (the stream then ends). */
    public record Poll<E>(List<E> events, boolean last) {}

    private final Duration maxDuration;
    private final int maxOpen;
    private final AtomicInteger open = new AtomicInteger();
    // two threads: a slow poll of one stream delays the others by at most its own length
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().name("event-streams-", 0).daemon().factory());

    @Inject
    EventStreams(LimitsConfig config) {
        this(config.streamMaxDuration(), config.openStreams());
    }

    EventStreams(Duration maxDuration, int maxOpen) {
        this.maxDuration = maxDuration;
        this.maxOpen = maxOpen;
    }

    /**
     * A stream that calls {@code poll} at once and then every {@code period}, one call at a time; a poll that throws
     * fails the stream. {@code poll} is made per subscriber, so it may keep what that subscriber was told. Refused with
     * 503 while {@code artmint.limits.open-streams} streams are open in this process.
     */
    public <E> Multi<E> of(Duration period, Supplier<Supplier<Poll<E>>> poll) {
        if (open.get() >= maxOpen) {
            throw Refusal.of(
                    ProblemType.SERVICE_UNAVAILABLE,
                    "this server has " + maxOpen + " event streams open, its most; try again later");
        }
        return Multi.createFrom().emitter(emitter -> {
            open.incrementAndGet();
            Watch<E> watch = new Watch<>(poll.get(), emitter, System.nanoTime() + maxDuration.toNanos());
            // the first poll waits for the task to be set, so a stream that ends at once still stops its task
            synchronized (watch) {
                watch.task = poller.scheduleWithFixedDelay(watch::poll, 0, period.toMillis(), TimeUnit.MILLISECONDS);
            }
            emitter.onTermination(() -> {
                watch.stop();
                open.decrementAndGet();
            });
        });
    }

    private static final class Watch<E> {

        private final Supplier<Poll<E>> poll;
        private final MultiEmitter<? super E> emitter;
        private final long deadline;
        private ScheduledFuture<?> task;

        Watch(Supplier<Poll<E>> poll, MultiEmitter<? super E> emitter, long deadline) {
            this.poll = poll;
            this.emitter = emitter;
            this.deadline = deadline;
        }

        synchronized void poll() {
            try {
                Poll<E> found = poll.get();
                found.events().forEach(emitter::emit);
                if (found.last() || System.nanoTime() - deadline >= 0) {
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
    }

    /** Streams open now in this process. */
    public int open() {
        return open.get();
    }

    @PreDestroy
    void close() {
        poller.shutdownNow();
    }
}
