package dev.artmint.market.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.market.KeysetCursor;
import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class BrowseQueryTest {

    private static final int DEFAULT_LIMIT = 24;

    @Test
    void anEmptyRequestIsTheNewestListingsWithTheDefaultPageSize() {
        BrowseQuery query = query(null, null, null, null, null, null, null, null, null);

        assertEquals(
                new BrowseQuery(null, Set.of(), null, null, null, null, null, BrowseSort.NEWEST, DEFAULT_LIMIT, null),
                query);
        assertFalse(query.findsNothing());
    }

    @Test
    void valuesAreStrippedAndBlankOnesAreAbsent() {
        BrowseQuery query = query("  red circles ", " ada ", "  ", " 10 ", "", " true ", "price_desc", " 7 ", " ");

        assertEquals("red circles", query.q());
        assertEquals(List.of("red", "circl"), List.copyOf(query.terms()));
        assertEquals("ada", query.creator());
        assertNull(query.model());
        assertEquals(BigInteger.TEN, query.minPriceWei());
        assertNull(query.maxPriceWei());
        assertEquals(Boolean.TRUE, query.minted());
        assertEquals(BrowseSort.PRICE_DESC, query.sort());
        assertEquals(7, query.limit());
        assertNull(query.after());
    }

    @Test
    void aQueryWithoutSearchableTermsFindsNothing() {
        BrowseQuery query = query("the !!! of", null, null, null, null, null, null, null, null);

        assertEquals(Set.of(), query.terms());
        assertTrue(query.findsNothing());
    }

    @Test
    void equalRequestsAreEqualQueriesSoAPageCanBeCachedByItsQuery() {
        assertEquals(
                query("fox", "ada", null, "1", "9", "false", "popular", "5", null),
                query(" fox", "ada ", "", "1", "9", "false", "popular", "5", ""));
    }

    @Test
    void theQueryMayHave200Characters() {
        assertEquals(
                200,
                query("a".repeat(200), null, null, null, null, null, null, null, null)
                        .q()
                        .length());
        assertRefused(
                "q",
                "at most 200 characters",
                () -> query("a".repeat(201), null, null, null, null, null, null, null, null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sort|oldest|one of newest, price_asc, price_desc, popular",
                "sort|NEWEST|one of newest, price_asc, price_desc, popular",
                "limit|0|a whole number from 1 to 100",
                "limit|101|a whole number from 1 to 100",
                "limit|ten|a whole number from 1 to 100",
                "minPriceWei|-1|must not be negative",
                "minPriceWei|1.5|a whole number of wei",
                "maxPriceWei|0x10|a whole number of wei",
                "minted|yes|true or false",
                "cursor|not base64!|not a cursor this service issued"
            })
    void aValueThatCannotBeUsedIsRefusedNamingItsParameter(String parameter, String value, String message) {
        assertRefused(parameter, message, () -> switch (parameter) {
            case "sort" -> query(null, null, null, null, null, null, value, null, null);
            case "limit" -> query(null, null, null, null, null, null, null, value, null);
            case "minPriceWei" -> query(null, null, null, value, null, null, null, null, null);
            case "maxPriceWei" -> query(null, null, null, null, value, null, null, null, null);
            case "minted" -> query(null, null, null, null, null, value, null, null, null);
            default -> query(null, null, null, null, null, null, null, null, value);
        });
    }

    @Test
    void thePriceRangeMayBeOnePriceButNotUpsideDown() {
        BrowseQuery one = query(null, null, null, "5", "5", null, null, null, null);
        assertEquals(BigInteger.valueOf(5), one.minPriceWei());
        assertEquals(BigInteger.valueOf(5), one.maxPriceWei());

        assertRefused(
                "minPriceWei",
                "must not be greater than maxPriceWei",
                () -> query(null, null, null, "6", "5", null, null, null, null));
    }

    @Test
    void aCursorStartsThePageAfterItsRowInTheSortsOwnTerms() {
        UUID id = UUID.randomUUID();

        BrowseQuery byPrice = query(
                null,
                null,
                null,
                null,
                null,
                null,
                "price_asc",
                null,
                KeysetCursor.encode("price_asc", "1000000000000000000", id));
        assertEquals(new KeysetCursor(new BigDecimal("1000000000000000000"), id), byPrice.after());

        BrowseQuery byLikes =
                query(null, null, null, null, null, null, "popular", null, KeysetCursor.encode("popular", "12", id));
        assertEquals(new KeysetCursor(12, id), byLikes.after());
    }

    @Test
    void aCursorOfAnotherOrderOrWithAKeyThatIsNotTheOrdersIsRefused() {
        String byPrice = KeysetCursor.encode("price_asc", "100", UUID.randomUUID());
        assertRefused(
                "cursor",
                "the cursor belongs to the order price_asc, not newest",
                () -> query(null, null, null, null, null, null, null, null, byPrice));

        String notAPrice = KeysetCursor.encode("price_desc", "cheap", UUID.randomUUID());
        assertRefused(
                "cursor",
                "not a cursor this service issued",
                () -> query(null, null, null, null, null, null, "price_desc", null, notAPrice));
    }

    private static BrowseQuery query(
            String q,
            String creator,
            String model,
            String minPriceWei,
            String maxPriceWei,
            String minted,
            String sort,
            String limit,
            String cursor) {
        return BrowseQuery.of(q, creator, model, minPriceWei, maxPriceWei, minted, sort, limit, cursor, DEFAULT_LIMIT);
    }

    private static void assertRefused(String field, String message, Supplier<BrowseQuery> request) {
        Refusal refused = assertThrows(Refusal.class, request::get);
        assertEquals(ProblemType.VALIDATION, refused.type());
        assertEquals(
                List.of(new Problem.FieldError(field, message)),
                refused.problem().errors());
    }
}
