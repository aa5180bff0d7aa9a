package dev.artmint.market.sale;

import dev.artmint.market.listing.SaleRecords;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The purchases and sales tables, as listing rules ask about them. */
@ApplicationScoped
class SaleRecordsInDatabase implements SaleRecords {

    private final Settlement settlement;

    SaleRecordsInDatabase(Settlement settlement) {
        this.settlement = settlement;
    }

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

    /**
     * Runs a settlement pass, which cancels the vouchers of failed purchases still valid on chain, in the background.
     */
    @Override
    public void cancelUnusedVouchers() {
        settlement.kick();
    }
}
