package dev.artmint.identity.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An external address a user proved to control with a Sign-In with Ethereum signature. */
@Entity
@Table(name = "linked_address")
public class LinkedAddress extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** Lower-case hex. */
    @Column(nullable = false)
    public String address;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    static List<LinkedAddress> of(UUID userId) {
        return list("userId = ?1 order by linkedAt", userId);
    }

    static boolean isLinked(UUID userId, String address) {
        return count("userId = ?1 and address = ?2", userId, address.toLowerCase()) > 0;
    }
}
