package dev.artmint.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: UTC system time, unless a test holds it at one instant, so that what a test expects of
 * "today" is the day the service sees, around midnight too.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Instant held;

    /** Stops the clock at the current instant and answers it. */
    public Instant hold() {
        Instant now = Instant.now();
        held = now;
        return now;
    }

    /** Stops the clock at {@code at}. */
    public void hold(Instant at) {
        held = at;
    }

    /** Lets the clock run with the system's again. */
    public void release() {
        held = null;
    }

    @Override
    public Instant instant() {
        Instant at = held;
        return at == null ? Instant.now() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is UTC");
    }
}
