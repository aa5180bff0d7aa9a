package dev.artmint.market.listing;

import java.util.UUID;

/**
 * What the sale feature records that listing rules depend on: whether a purchase of a listing is in flight, and whether
 * an artwork was ever sold. The sale implements it, so that listing depends on no sale class.
 */
public interface SaleRecords {

    boolean purchaseInFlight(UUID listingId);

    boolean sold(UUID artworkId);
}
