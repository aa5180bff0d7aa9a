package dev.artmint.identity.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's custodial wallet: its address and its private key encrypted under the master key. */
@Entity
@Table(name = "wallet")
public class Wallet extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(nullable = false, unique = true)
    public String address;

    @Column(name = "encrypted_key", nullable = false)
    byte[] encryptedKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
