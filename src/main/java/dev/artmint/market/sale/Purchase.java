package dev.artmint.market.sale;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/** A buyer's request to buy a listing, followed until the chain settles or refuses it. */
@Entity
@Table(name = "purchase")
public class Purchase extends PanacheEntityBase {

    public enum Status {
        /** accepted; its transaction is not in the outbox yet */
        PENDING,
        /** its transaction is in the outbox */
        SUBMITTED,
        /** the chain confirmed the sale */
        SETTLED,
        /** refused or reverted: the listing, balances and ownership are as they were */
        FAILED;

        public boolean isOpen() {
            return this == PENDING || this == SUBMITTED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "listing_id", nullable = false)
    public UUID listingId;

    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;

    @Column(name = "buyer_address", nullable = false)
    public String buyerAddress;

    @Column(name = "price_wei", nullable = false, precision = 78)
    public BigInteger priceWei;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "chain_tx_id")
    public UUID chainTxId;

    /** The nonce of the voucher the creator's wallet signed for this purchase; null until one is signed. */
    @Column(name = "voucher_nonce", precision = 78)
    public BigInteger voucherNonce;

    /** The creator's cancelVoucher transaction for {@link #voucherNonce}, once the purchase failed. */
    @Column(name = "voucher_cancel_tx_id")
    public UUID voucherCancelTxId;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "settled_at")
    public Instant settledAt;
}
