package dev.artmint.identity;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The ArtMint user making the current request. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

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

    public User user() {
        return User.<User>findByIdOptional(id()).orElseThrow(UnauthorizedException::new);
    }
}
