package dev.artmint.market.listing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A price asked for an artwork by its current owner; at most one is active per artwork. */
@Entity
@Table(name = "listing")
public class Listing extends PanacheEntityBase {

    /** How a listing settles. */
    public enum Kind {
        /** an unminted artwork, minted to the buyer with the creator's voucher */
        LAZY_MINT,
        /** a minted token, bought through the ArtMarket contract */
        MARKET
    }

    public enum Status {
        ACTIVE,
        SOLD,
        WITHDRAWN
    }

    @Id
    public UUID id;

    @Column(name = "artwork_id", nullable = false)
    public UUID artworkId;

    @Column(name = "token_id", nullable = false, precision = 78)
    public BigInteger tokenId;

    @Column(name = "seller_id", nullable = false)
    public UUID sellerId;

    @Column(name = "seller_address", nullable = false)
    public String sellerAddress;

    @Column(name = "price_wei", nullable = false, precision = 78)
    public BigInteger priceWei;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The latest ArtMarket list/updatePrice transaction of a MARKET listing. */
    @Column(name = "chain_tx_id")
    public UUID chainTxId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public static Optional<Listing> activeFor(UUID artworkId) {
        return find("artworkId = ?1 and status = ?2", artworkId, Status.ACTIVE).firstResultOptional();
    }
}
