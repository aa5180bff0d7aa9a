package dev.artmint.market.browse;

import dev.artmint.market.KeysetCursor;
import dev.artmint.platform.problem.Refusal;
import dev.artmint.studio.search.SearchTerms;
import java.math.BigInteger;
import java.util.Set;

/**
 * A checked browse request. {@code terms} are the search terms of {@code q} (empty when there is none); a q with no
 * searchable term (only punctuation or stop words) finds nothing. Equal requests are equal records, so a query is also
 * its page's cache key.
 */
record BrowseQuery(
        String q,
        Set<String> terms,
        String creator,
        String model,
        BigInteger minPriceWei,
        BigInteger maxPriceWei,
        Boolean minted,
        BrowseSort sort,
        int limit,
        KeysetCursor after) {

    private static final int MAX_QUERY_LENGTH = 200;

    /** Checks the request's parameters as they came; null where one is absent. */
    static BrowseQuery of(
            String q,
            String creator,
            String model,
            String minPriceWei,
            String maxPriceWei,
            String minted,
            String sort,
            String limit,
            String cursor,
            int defaultLimit) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw Refusal.invalid("q", "at most " + MAX_QUERY_LENGTH + " characters");
        }
        BrowseSort order = sort == null
                ? BrowseSort.NEWEST
                : BrowseSort.of(sort)
                        .orElseThrow(() -> Refusal.invalid("sort", "one of newest, price_asc, price_desc, popular"));
        int size = KeysetCursor.pageSize(limit, defaultLimit);
        BigInteger min = wei("minPriceWei", minPriceWei);
        BigInteger max = wei("maxPriceWei", maxPriceWei);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw Refusal.invalid("minPriceWei", "must not be greater than maxPriceWei");
        }
        return new BrowseQuery(
                query,
                query == null ? Set.of() : SearchTerms.ofQuery(query),
                blankToNull(creator),
                blankToNull(model),
                min,
                max,
                flag("minted", minted),
                order,
                size,
                cursor == null || cursor.isBlank()
                        ? null
                        : KeysetCursor.decode(cursor, order.parameter(), order::bindable));
    }

    /** Whether the request searches but has nothing to search for. */
    boolean findsNothing() {
        return q != null && terms.isEmpty();
    }

    private static BigInteger wei(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigInteger wei;
        try {
            wei = new BigInteger(value.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid(field, "a whole number of wei");
        }
        if (wei.signum() < 0) {
            throw Refusal.invalid(field, "must not be negative");
        }
        return wei;
    }

    private static Boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Refusal.invalid(field, "true or false");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
