package dev.artmint.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Who makes a request: a signed-in ArtMint user, by id, with their roles, or nobody ({@link #ANONYMOUS}, whose id is
 * null). Made once per request from the security identity ({@link CurrentUser#caller()}); services take it instead of a
 * user id and an admin flag.
 */
public record Caller(UUID id, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A signed-in user with these roles. */
    public static Caller of(UUID id, String... roles) {
        return new Caller(id, Set.of(roles));
    }

    public boolean anonymous() {
        return id == null;
    }

    public boolean admin() {
        return roles.contains(Roles.ADMIN);
    }

    /** Whether the caller is this user; never for an anonymous caller. */
    public boolean is(UUID userId) {
        return id != null && id.equals(userId);
    }
}
