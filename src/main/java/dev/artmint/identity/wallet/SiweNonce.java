package dev.artmint.identity.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A nonce the server issued for one Sign-In with Ethereum message of one user; usable once, until it expires. */
@Entity
@Table(name = "siwe_nonce")
public class SiweNonce extends PanacheEntityBase {

    @Id
    public String nonce;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
