package dev.artmint.market;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/**
 * Something the platform did to an artwork. Generation is the artwork's own creation time, and transfers made outside
 * the platform come from the chain indexer's ownership changes; neither is stored here.
 */
@Entity
@Table(name = "artwork_activity")
public class Activity extends PanacheEntityBase {

    public enum Kind {
        GENERATED,
        PUBLISHED,
        UNPUBLISHED,
        LISTED,
        REPRICED,
        WITHDRAWN,
        SOLD,
        MINTED,
        TRANSFERRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "artwork_id", nullable = false)
    public UUID artworkId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "from_address")
    public String fromAddress;

    @Column(name = "to_address")
    public String toAddress;

    @Column(name = "price_wei", precision = 78)
    public BigInteger priceWei;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Records an activity in the caller's transaction. */
    public static Activity record(UUID artworkId, Kind kind, UUID actorId) {
        Activity activity = new Activity();
        activity.artworkId = artworkId;
        activity.kind = kind;
        activity.actorId = actorId;
        activity.createdAt = Instant.now();
        activity.persist();
        return activity;
    }
}
