package dev.artmint.identity;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Keeps the user table in step with the identity provider's tokens. */
@ApplicationScoped
public class UserDirectory {

    private static final Logger LOG = Logger.getLogger(UserDirectory.class);

    /**
     * Finds the token's holder, creating them on their first request and following changes of handle, name or roles
     * made in the identity provider.
     */
    User sync(TokenProfile profile) {
        Optional<User> known = QuarkusTransaction.requiringNew().call(() -> update(profile));
        if (known.isPresent()) {
            return known.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> create(profile));
        } catch (PersistenceException e) {
            // two first requests of the same person raced; the other one created the row
            LOG.debugf("user %s was created concurrently: %s", profile.subject(), e.getMessage());
            return QuarkusTransaction.requiringNew().call(() -> update(profile)).orElseThrow(() -> e);
        }
    }

    public Optional<User> find(UUID id) {
        return User.findByIdOptional(id);
    }

    public PanacheQuery<User> list(int page, int size) {
        return User.<User>findAll(Sort.by("createdAt").and("id")).page(Page.of(page, size));
    }

    @Transactional
    public User updateBio(UUID id, String bio) {
        User user = User.<User>findByIdOptional(id).orElseThrow();
        user.bio = bio;
        user.updatedAt = Instant.now();
        return user;
    }

    private Optional<User> update(TokenProfile profile) {
        return User.findBySubject(profile.subject()).map(user -> {
            boolean handleFree = !user.handle.equals(profile.handle())
                    && User.findByHandle(profile.handle()).isEmpty();
            String handle = handleFree ? profile.handle() : user.handle;
            if (!handle.equals(user.handle)
                    || !user.displayName.equals(profile.displayName())
                    || !user.roles.equals(profile.roles())) {
                user.handle = handle;
                user.displayName = profile.displayName();
                user.roles = List.copyOf(profile.roles());
                user.updatedAt = Instant.now();
            }
            return user;
        });
    }

    private User create(TokenProfile profile) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.subject = profile.subject();
        user.handle = User.findByHandle(profile.handle()).isEmpty() ? profile.handle() : disambiguated(profile);
        user.displayName = profile.displayName();
        user.roles = List.copyOf(profile.roles());
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        user.persistAndFlush();
        return user;
    }

    /** Handles are unique; a second person with the same user name gets a stable suffix from their subject. */
    private static String disambiguated(TokenProfile profile) {
        String suffix = UUID.nameUUIDFromBytes(profile.subject().getBytes(StandardCharsets.UTF_8))
                .toString()
                .substring(0, 6);
        return profile.handle() + "-" + suffix;
    }
}
