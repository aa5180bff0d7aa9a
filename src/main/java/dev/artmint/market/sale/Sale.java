package dev.artmint.market.sale;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/** A sale the chain settled, with the split its events reported: exactly the balance changes it caused. */
@Entity
@Table(name = "sale")
public class Sale extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "purchase_id", nullable = false, unique = true)
    public UUID purchaseId;

    @Column(name = "artwork_id", nullable = false)
    public UUID artworkId;

    @Column(name = "token_id", nullable = false, precision = 78)
    public BigInteger tokenId;

    @Column(name = "seller_id", nullable = false)
    public UUID sellerId;

    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;

    @Column(name = "seller_address", nullable = false)
    public String sellerAddress;

    @Column(name = "buyer_address", nullable = false)
    public String buyerAddress;

    @Column(name = "price_wei", nullable = false, precision = 78)
    public BigInteger priceWei;

    @Column(name = "royalty_receiver")
    public String royaltyReceiver;

    @Column(name = "royalty_wei", nullable = false, precision = 78)
    public BigInteger royaltyWei;

    @Column(name = "fee_recipient", nullable = false)
    public String feeRecipient;

    @Column(name = "fee_wei", nullable = false, precision = 78)
    public BigInteger feeWei;

    @Column(name = "seller_proceeds_wei", nullable = false, precision = 78)
    public BigInteger sellerProceedsWei;

    /** the lazy mint by voucher, as opposed to a resale through the market */
    @Column(name = "primary_sale", nullable = false)
    public boolean primarySale;

    @Column(name = "tx_hash", nullable = false)
    public String txHash;

    @Column(name = "block_number", nullable = false)
    public long blockNumber;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
