package dev.artmint.studio.credit;

import java.time.Instant;

/** A request needs more credits than the user has left; the allowance refills at {@code refillsAt}. */
public class OutOfCreditsException extends RuntimeException {

    private final Instant refillsAt;

    public OutOfCreditsException(int needed, int available, Instant refillsAt) {
        super("this request needs " + needed + " credits and " + available + " are left; the daily allowance refills at "
                + refillsAt);
        this.refillsAt = refillsAt;
    }

    public Instant refillsAt() {
        return refillsAt;
    }
}
