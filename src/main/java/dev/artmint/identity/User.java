package dev.artmint.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person using ArtMint, known by the subject of their OIDC tokens. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String subject;

    @Column(nullable = false, unique = true)
    public String handle;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(32)[]")
    public List<String> roles;

    public String bio;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<User> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public static Optional<User> findByHandle(String handle) {
        return find("handle", handle).firstResultOptional();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
