package dev.artmint.chain;

import dev.artmint.platform.problem.Refusal;
import java.util.UUID;

/**
 * A client's {@code Idempotency-Key} header: at most {@link #MAX_LENGTH} visible ASCII characters, so that with the
 * feature's prefix it fits the outbox's key column; a request without one gets a fresh key of its own.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 100;

    private IdempotencyKey() {}

    /** The key a client sent, checked, or a new random one when it sent none. */
    public static String of(String header) {
        if (header == null || header.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (header.length() > MAX_LENGTH) {
            throw Refusal.invalid(HEADER, "must be at most " + MAX_LENGTH + " characters, got " + header.length());
        }
        if (!header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw Refusal.invalid(HEADER, "must be visible ASCII characters only (no spaces or control characters)");
        }
        return header;
    }
}
