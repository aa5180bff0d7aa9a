package dev.artmint.identity;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The ArtMint user making the current request, and the {@link Caller} made once from its security identity. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private Caller caller;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public UUID id() {
        UUID id = identity.getAttribute(UserSync.USER_ID);
        if (id == null) {
            throw new UnauthorizedException();
        }
        return id;
    }

    /** The caller of this request; anonymous when no user signed in. */
    public Caller caller() {
        if (caller == null) {
            UUID id = identity.isAnonymous() ? null : identity.getAttribute(UserSync.USER_ID);
            caller = id == null ? Caller.ANONYMOUS : new Caller(id, identity.getRoles());
        }
        return caller;
    }

    /** The caller of a request that must be signed in: 401 when no user is. */
    public Caller signedIn() {
        Caller signedIn = caller();
        if (signedIn.anonymous()) {
            throw new UnauthorizedException();
        }
        return signedIn;
    }

    public User user() {
        return User.<User>findByIdOptional(id()).orElseThrow(UnauthorizedException::new);
    }
}
