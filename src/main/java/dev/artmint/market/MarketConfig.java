package dev.artmint.market;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How the marketplace's public pages are served: page sizes, caching and the search index. */
@ConfigMapping(prefix = "artmint.market")
public interface MarketConfig {

    /** Items per browse or profile page when the request names no limit (at most 100). */
    int pageSize();

    /**
     * How long a browse page, or an artwork page as anonymous visitors see it, is kept in memory and answered again
     * without asking the database.
     */
    Duration cacheTtl();

    /** Cache-Control max-age of the public browse and artwork pages, for browsers and shared caches. */
    Duration publicMaxAge();

    Search search();

    /** The search index. */
    interface Search {

        /** At start, index published artworks that are not in the index yet (e.g. published before it existed). */
        boolean backfillOnStart();

        /**
         * A search matching fewer artworks than this is read from the search index and sorted; a broader one walks
         * the order's index and checks each artwork, meeting a page's worth of matches soon.
         */
        int narrowBelow();
    }
}
