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
import java.util.List;
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

    /** Where a listing stands; LISTING and WITHDRAWING wait for the chain and are not buyable. */
    public enum Status {
        /** a MARKET listing whose list transaction is being sent */
        LISTING,
        ACTIVE,
        /** a MARKET listing whose on-chain cancel is not mined yet */
        WITHDRAWING,
        SOLD,
        WITHDRAWN;

        /** The statuses that hold the artwork's one open listing. */
        public static final List<Status> OPEN = List.of(LISTING, ACTIVE, WITHDRAWING);
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

    /** The artwork's open listing: active, or waiting for its list or cancel transaction. */
    public static Optional<Listing> openFor(UUID artworkId) {
        return find("artworkId = ?1 and status in ?2", artworkId, Status.OPEN).firstResultOptional();
    }

    /** The open MARKET listing of a token, if the platform has one. */
    public static Optional<Listing> openOnMarket(BigInteger tokenId) {
        return find("tokenId = ?1 and kind = ?2 and status in ?3", tokenId, Kind.MARKET, Status.OPEN)
                .firstResultOptional();
    }
}
