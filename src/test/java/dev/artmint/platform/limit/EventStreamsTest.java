package dev.artmint.platform.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EventStreamsTest {

    private static final Duration PERIOD = Duration.ofMillis(20);

    private EventStreams streams;

    @AfterEach
    void close() {
        streams.close();
    }

    @Test
    void aStreamEndsAfterThePollThatFindsItsSubjectFinal() {
        streams = new EventStreams(Duration.ofMinutes(1), 10);
        List<Integer> events =
                streams.of(PERIOD, () -> counting(3)).collect().asList().await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of(1, 2, 3), events);
        assertNoneOpen();
    }

    @Test
    void aStreamWhoseSubjectNeverEndsEndsAtItsDeadline() {
        streams = new EventStreams(Duration.ofMillis(400), 10);
        long started = System.nanoTime();
        List<Integer> events = streams.of(PERIOD, () -> counting(Integer.MAX_VALUE))
                .collect()
                .asList()
                .await()
                .atMost(Duration.ofSeconds(5));
        Duration open = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(open.compareTo(Duration.ofMillis(400)) >= 0, "open for " + open);
        assertTrue(open.compareTo(Duration.ofSeconds(3)) < 0, "open for " + open);
        assertTrue(events.size() >= 2, "it polled until the deadline: " + events);
        assertNoneOpen();
    }

    @Test
    void aPollThatThrowsFailsTheStream() {
        streams = new EventStreams(Duration.ofMinutes(1), 10);
        Supplier<EventStreams.Poll<Integer>> failing = () -> {
            throw new IllegalStateException("no such subject");
        };
        IllegalStateException failed = assertThrows(
                IllegalStateException.class,
                () -> streams.of(PERIOD, () -> failing)
                        .collect()
                        .asList()
                        .await()
                        .atMost(Duration.ofSeconds(5)));
        assertEquals("no such subject", failed.getMessage());
    }

    @Test
    void noMoreThanTheMostStreamsAreOpenAtOnce() {
        streams = new EventStreams(Duration.ofMinutes(1), 2);
        Cancellable first = streams.of(PERIOD, () -> counting(Integer.MAX_VALUE))
                .subscribe()
                .with(event -> {});
        Cancellable second = streams.of(PERIOD, () -> counting(Integer.MAX_VALUE))
                .subscribe()
                .with(event -> {});
        assertEquals(2, streams.open());
        Refusal refused = assertThrows(Refusal.class, () -> streams.of(PERIOD, () -> counting(Integer.MAX_VALUE)));
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, refused.type());
        first.cancel();
        second.cancel();
        assertNoneOpen();
        streams.of(PERIOD, () -> counting(1)).collect().asList().await().atMost(Duration.ofSeconds(5));
    }

    /** The count drops when the stream's termination callback has run, just after its subscriber saw the end. */
    private void assertNoneOpen() {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (streams.open() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, streams.open());
    }

    /** A subject that reaches its final state at its {@code last}-th poll; each poll tells one event. */
    private static Supplier<EventStreams.Poll<Integer>> counting(int last) {
        AtomicInteger polls = new AtomicInteger();
        return () -> {
            int poll = polls.incrementAndGet();
            return new EventStreams.Poll<>(List.of(poll), poll >= last);
        };
    }
}
