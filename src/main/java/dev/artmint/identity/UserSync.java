package dev.artmint.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Puts the ArtMint user behind every authenticated request, creating them on their first one. */
@ApplicationScoped
class UserSync implements SecurityIdentityAugmentor {

    static final String USER_ID = "artmint.user-id";

    private final UserDirectory users;

    UserSync(UserDirectory users) {
        this.users = users;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            User user = users.sync(TokenProfile.of(token, identity.getRoles()));
            return QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(USER_ID, user.id)
                    .build();
        });
    }
}
