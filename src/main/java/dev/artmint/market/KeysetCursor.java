package dev.artmint.market;

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
record KeysetCursor(Object key, UUID id) {

    private static final String FOREIGN = "not a cursor this service issued";

    static String encode(String order, String key, UUID id) {
        String plain = order + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back for this order; {@code key} turns its key into what SQL binds. */
    static KeysetCursor decode(String cursor, String order, Function<String, Object> key) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw MarketRefusedException.invalid("cursor", FOREIGN);
        }
        if (parts.length != 3) {
            throw MarketRefusedException.invalid("cursor", FOREIGN);
        }
        if (!parts[0].equals(order)) {
            throw MarketRefusedException.invalid("cursor", "the cursor belongs to the order " + parts[0] + ", not " + order);
        }
        try {
            return new KeysetCursor(key.apply(parts[1]), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw MarketRefusedException.invalid("cursor", FOREIGN);
        }
    }

    /** A time key, exact to PostgreSQL's microsecond. */
    static String micros(Instant instant) {
        return Long.toString(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000));
    }

    static OffsetDateTime fromMicros(String key) {
        long micros = Long.parseLong(key);
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L), ZoneOffset.UTC);
    }
}
