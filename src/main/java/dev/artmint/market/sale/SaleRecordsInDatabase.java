package dev.artmint.market.sale;

import dev.artmint.market.listing.SaleRecords;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The purchases and sales tables, as listing rules ask about them. */
@ApplicationScoped
class SaleRecordsInDatabase implements SaleRecords {

    @Override
    public boolean purchaseInFlight(UUID listingId) {
        return Purchase.count(
                        "listingId = ?1 and status in ?2",
                        listingId,
                        List.of(Purchase.Status.PENDING, Purchase.Status.SUBMITTED))
                > 0;
    }

    @Override
    public boolean sold(UUID artworkId) {
        return Sale.count("artworkId", artworkId) > 0;
    }
}
