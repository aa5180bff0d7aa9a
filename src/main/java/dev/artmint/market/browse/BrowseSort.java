package dev.artmint.market.browse;

import dev.artmint.market.KeysetCursor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The orders listings can be browsed in. Each is a walk down one index (see V7__market_search.sql) from a keyset
 * cursor: the last row's sort key and id, so a page costs the same however deep it is.
 */
enum BrowseSort {
    NEWEST("newest", "l.created_at desc, l.id desc", "(l.created_at, l.id) < (?, ?)"),
    PRICE_ASC("price_asc", "l.price_wei, l.id", "(l.price_wei, l.id) > (?, ?)"),
    PRICE_DESC("price_desc", "l.price_wei desc, l.id desc", "(l.price_wei, l.id) < (?, ?)"),
    POPULAR("popular", "a.like_count desc, a.id desc", "(a.like_count, a.id) < (?, ?)");

    private final String parameter;
    private final String orderBy;
    private final String after;

    BrowseSort(String parameter, String orderBy, String after) {
        this.parameter = parameter;
        this.orderBy = orderBy;
        this.after = after;
    }

    static Optional<BrowseSort> of(String parameter) {
        return Arrays.stream(values())
                .filter(sort -> sort.parameter.equals(parameter))
                .findFirst();
    }

    String parameter() {
        return parameter;
    }

    String orderBy() {
        return orderBy;
    }

    /** The predicate that starts a page after the cursor's row; binds the key, then the id. */
    String after() {
        return after;
    }

    /** Whether the cursor's id is the artwork's (popular) or the listing's (the others). */
    boolean keyedByArtwork() {
        return this == POPULAR;
    }

    /** A row's sort key as the cursor writes it. */
    String key(ListingCard card) {
        return switch (this) {
            case NEWEST -> KeysetCursor.micros(card.listedAt());
            case PRICE_ASC, PRICE_DESC -> card.priceWei();
            case POPULAR -> Integer.toString(card.likes());
        };
    }

    /** A cursor's sort key as SQL binds it; throws IllegalArgumentException when it is not one. */
    Object bindable(String key) {
        return switch (this) {
            case NEWEST -> KeysetCursor.fromMicros(key);
            case PRICE_ASC, PRICE_DESC -> new BigDecimal(new BigInteger(key));
            case POPULAR -> Integer.parseInt(key);
        };
    }
}
