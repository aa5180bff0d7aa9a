package dev.artmint.market;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The marketplace: how its public pages are served (page sizes, caching, the search index), how purchases settle and
 * how much gas it reserves for the transactions it sends, and how minted tokens describe themselves to wallets and
 * marketplaces.
 */
@ConfigMapping(prefix = "artmint.market")
public interface MarketConfig {

    /** How often open purchases are driven along (their transaction sent, followed, recorded). */
    @WithDefault("1s")
    Duration settleEvery();

    /** Gas reserved for a purchase's redeem or buy when checking the buyer's balance (priced at the max fee). */
    @WithDefault("300000")
    long purchaseGasLimit();

    /** Gas reserved for a market listing's approval, list, updatePrice or cancel when checking the seller's balance. */
    @WithDefault("200000")
    long listingGasLimit();

    /** How long a voucher signed for a purchase stays redeemable. */
    @WithDefault("1h")
    Duration voucherTtl();

    /**
     * How long a purchase may stay open: then one not sent fails, and the transaction of one sent is cancelled, so that
     * the listing is free again.
     */
    @WithDefault("15m")
    Duration purchaseDeadline();

    /** How long listing waits for the seller's market approval to be confirmed before it lists. */
    @WithDefault("60s")
    Duration approvalWait();

    /** ArtMint's public address; token metadata links images and artwork pages under it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** How long others may cache a token's metadata document. */
    @WithDefault("60s")
    Duration tokenMetadataMaxAge();

    /** Items per browse or profile page when the request names no limit (at most 100). */
    @WithDefault("24")
    int pageSize();

    /**
     * How long a browse page, or an artwork page as anonymous visitors see it, is kept in memory and answered again
     * without asking the database (application.properties hands it to the market-browse and market-artwork caches).
     */
    @WithDefault("2s")
    Duration cacheTtl();

    /** Cache-Control max-age of the public browse and artwork pages, for browsers and shared caches. */
    @WithDefault("5s")
    Duration publicMaxAge();

    Search search();

    /** The search index. */
    interface Search {

        /** At start, index published artworks that are not in the index yet (e.g. published before it existed). */
        @WithDefault("true")
        boolean backfillOnStart();

        /**
         * A search matching fewer artworks than this is read from the search index and sorted; a broader one walks the
         * order's index and checks each artwork, meeting a page's worth of matches soon.
         */
        @WithDefault("1000")
        int narrowBelow();
    }
}
