package dev.artmint.market.sale;

import dev.artmint.chain.SettledSale;
import dev.artmint.market.Activity;
import dev.artmint.market.listing.Listing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/**
 * Records a sale the chain confirmed, in one transaction: the sale with its split, the listing sold, the purchase
 * settled and the artwork's activity. Only the first caller for a purchase records it.
 */
@ApplicationScoped
class SaleLedger {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(Purchase purchase, Listing listing, SettledSale settled) {
        Instant now = Instant.now();
        if (Purchase.update(
                        "status = ?1, settledAt = ?2, updatedAt = ?2 where id = ?3 and status = ?4",
                        Purchase.Status.SETTLED,
                        now,
                        purchase.id,
                        Purchase.Status.SUBMITTED)
                == 0) {
            return;
        }
        Sale sale = new Sale();
        sale.id = UUID.randomUUID();
        sale.purchaseId = purchase.id;
        sale.artworkId = listing.artworkId;
        sale.tokenId = settled.tokenId();
        sale.sellerId = listing.sellerId;
        sale.buyerId = purchase.buyerId;
        sale.sellerAddress = settled.seller();
        sale.buyerAddress = settled.buyer();
        sale.priceWei = settled.price();
        sale.royaltyReceiver = settled.royaltyReceiver();
        sale.royaltyWei = settled.royalty();
        sale.feeRecipient = settled.feeRecipient();
        sale.feeWei = settled.fee();
        sale.sellerProceedsWei = settled.sellerProceeds();
        sale.primarySale = settled.primary();
        sale.txHash = settled.txHash();
        sale.blockNumber = settled.blockNumber();
        sale.createdAt = now;
        sale.persist();
        Listing.update(
                "status = ?1, closedAt = ?2, updatedAt = ?2 where id = ?3", Listing.Status.SOLD, now, listing.id);
        if (settled.primary()) {
            activity(listing.artworkId, Activity.Kind.MINTED, purchase.buyerId, null, settled, null);
        }
        activity(listing.artworkId, Activity.Kind.SOLD, purchase.buyerId, settled.seller(), settled, settled.price());
    }

    private static void activity(
            UUID artworkId, Activity.Kind kind, UUID actorId, String from, SettledSale settled, BigInteger price) {
        Activity activity = Activity.record(artworkId, kind, actorId);
        activity.fromAddress = from;
        activity.toAddress = settled.buyer();
        activity.priceWei = price;
        activity.txHash = settled.txHash();
    }
}
