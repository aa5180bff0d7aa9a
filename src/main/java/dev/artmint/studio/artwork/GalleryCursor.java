package dev.artmint.studio.artwork;

import dev.artmint.diffusion.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a gallery page starts: after the artwork with this creation time and id, newest first. Opaque to clients:
 * base64url of {@code <microseconds since the epoch>|<id>}, exact to PostgreSQL's microsecond.
 */
record GalleryCursor(Instant createdAt, UUID id) {

    private static final String FOREIGN = "not a cursor this service issued";

    static GalleryCursor after(Artwork artwork) {
        return new GalleryCursor(artwork.createdAt, artwork.id);
    }

    String encode() {
        long micros =
                Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L), createdAt.getNano() / 1000);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static GalleryCursor decode(String cursor) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cursor", FOREIGN);
        }
        if (parts.length != 2) {
            throw new InvalidRequestException("cursor", FOREIGN);
        }
        try {
            long micros = Long.parseLong(parts[0]);
            return new GalleryCursor(
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L),
                    UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new InvalidRequestException("cursor", FOREIGN);
        }
    }

    /** The creation time as SQL binds it. */
    OffsetDateTime createdAtUtc() {
        return createdAt.atOffset(ZoneOffset.UTC);
    }
}
