package dev.artmint.market.listing;

import java.util.UUID;

/**
 * What the sale feature records that listing rules depend on: whether a purchase of a listing is in flight, and whether
 * an artwork was ever sold; and what a listing change asks of it: that no voucher signed for an earlier purchase still
 * mints. The sale implements it, so that listing depends on no sale class.
 */
public interface SaleRecords {

    boolean purchaseInFlight(UUID listingId);

    boolean sold(UUID artworkId);

    /**
     * Has the creator's wallet cancel on chain every voucher of a purchase that did not settle and is not cancelled
     * yet, soon and outside the caller's transaction. A listing cannot change while a purchase is in flight, so these
     * are all the vouchers its earlier terms may have left behind.
     */
    void cancelUnusedVouchers();
}
