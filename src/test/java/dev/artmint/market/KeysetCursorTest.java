package dev.artmint.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class KeysetCursorTest {

    private static final UUID ID = UUID.fromString("0b5c3d2e-4f60-4a7b-8c9d-0e1f2a3b4c5d");
    private static final String FOREIGN = "not a cursor this service issued";

    @Test
    void aCursorIsBase64urlOfOrderKeyAndIdWithoutPadding() {
        String cursor = KeysetCursor.encode("price_asc", "42", ID);

        assertEquals("price_asc|42|" + ID, new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        assertEquals(-1, cursor.indexOf('='));
        assertEquals(new KeysetCursor(42L, ID), KeysetCursor.decode(cursor, "price_asc", Long::valueOf));
    }

    @Test
    void aCursorOfAnotherOrderIsRefusedNamingBoth() {
        String cursor = KeysetCursor.encode("newest", "1", ID);

        assertRefused(
                "the cursor belongs to the order newest, not popular",
                () -> KeysetCursor.decode(cursor, "popular", Integer::valueOf));
    }

    @ParameterizedTest
    @ValueSource(strings = {"newest|1", "newest|1|" + "0b5c3d2e-4f60-4a7b-8c9d-0e1f2a3b4c5d|x", "newest|1|not-a-uuid"})
    void aCursorWithoutTheThreePartsItWasIssuedWithIsForeign(String plain) {
        String cursor = Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));

        assertRefused(FOREIGN, () -> KeysetCursor.decode(cursor, "newest", Integer::valueOf));
    }

    @Test
    void aCursorThatIsNotBase64OrWhoseKeyTheOrderCannotReadIsForeign() {
        assertRefused(FOREIGN, () -> KeysetCursor.decode("***", "newest", key -> key));
        String wordKey = KeysetCursor.encode("newest", "yesterday", ID);
        assertRefused(FOREIGN, () -> KeysetCursor.decode(wordKey, "newest", KeysetCursor::fromMicros));
        String hugeKey = KeysetCursor.encode("newest", "99999999999999999999", ID);
        assertRefused(FOREIGN, () -> KeysetCursor.decode(hugeKey, "newest", KeysetCursor::fromMicros));
    }

    @Test
    void timeKeysAreMicrosecondsSinceTheEpochBothWays() {
        Instant listed = Instant.parse("2026-03-04T05:06:07.123456789Z");

        assertEquals("1772600767123456", KeysetCursor.micros(listed));
        assertEquals(
                OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 123_456_000, ZoneOffset.UTC),
                KeysetCursor.fromMicros(KeysetCursor.micros(listed)));
    }

    @Test
    void timeKeysBeforeTheEpochRoundDownToTheirMicrosecond() {
        Instant justBefore = Instant.parse("1969-12-31T23:59:59.999999Z");

        assertEquals("-1", KeysetCursor.micros(justBefore));
        assertEquals(justBefore, KeysetCursor.fromMicros("-1").toInstant());
    }

    @Test
    void thePageSizeIsTheDefaultWhenAbsentAndOneToOneHundredOtherwise() {
        assertEquals(24, KeysetCursor.pageSize(null, 24));
        assertEquals(24, KeysetCursor.pageSize(" ", 24));
        assertEquals(1, KeysetCursor.pageSize("1", 24));
        assertEquals(100, KeysetCursor.pageSize(" 100 ", 24));
        for (String refused : new String[] {"0", "101", "-5", "2.5", "many"}) {
            Refusal e = assertThrows(Refusal.class, () -> KeysetCursor.pageSize(refused, 24));
            assertEquals(
                    List.of(new Problem.FieldError("limit", "a whole number from 1 to 100")),
                    e.problem().errors(),
                    refused);
        }
    }

    private static void assertRefused(String message, Runnable decode) {
        Refusal refused = assertThrows(Refusal.class, decode::run);
        assertEquals(ProblemType.VALIDATION, refused.type());
        assertEquals(
                List.of(new Problem.FieldError("cursor", message)),
                refused.problem().errors());
    }
}
