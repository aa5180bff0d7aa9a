package dev.artmint.market;

import dev.artmint.platform.problem.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where a keyset page starts: after the row with this sort key and id. Opaque to clients: base64url of
 * {@code order|key|id}, so a cursor cannot be carried over to another order.
 */
public record KeysetCursor(Object key, UUID id) {

    /** The largest page a client may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final String FOREIGN = "not a cursor this service issued";

    public static String encode(String order, String key, UUID id) {
        String plain = order + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back for this order; {@code key} turns its key into what SQL binds. */
    public static KeysetCursor decode(String cursor, String order, Function<String, Object> key) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("cursor", FOREIGN);
        }
        if (parts.length != 3) {
            throw Refusal.invalid("cursor", FOREIGN);
        }
        if (!parts[0].equals(order)) {
            throw Refusal.invalid("cursor", "the cursor belongs to the order " + parts[0] + ", not " + order);
        }
        try {
            return new KeysetCursor(key.apply(parts[1]), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw Refusal.invalid("cursor", FOREIGN);
        }
    }

    /** A time key, exact to PostgreSQL's microsecond. */
    public static String micros(Instant instant) {
        return Long.toString(
                Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000));
    }

    public static OffsetDateTime fromMicros(String key) {
        long micros = Long.parseLong(key);
        return OffsetDateTime.ofInstant(
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L),
                ZoneOffset.UTC);
    }
    /** A page size, 1 to {@link #MAX_PAGE_SIZE}; the default when absent. */
    public static int pageSize(String value, int defaultSize) {
        if (value == null || value.isBlank()) {
            return defaultSize;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_PAGE_SIZE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Refusal.invalid("limit", "a whole number from 1 to " + MAX_PAGE_SIZE);
    }
}
