package dev.artmint.market.browse;

import java.util.List;

/** One page of browse results and the cursor of the next one (null after the last page). */
public record ListingPage(List<ListingCard> items, String nextCursor) {}
