package dev.artmint.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts the ArtMint user behind every authenticated request, creating them on their first one. Only tokens issued for
 * ArtMint count ({@link IdentityConfig#acceptedClients()}): a valid token of the same realm for another client is
 * refused with 401.
 */
@ApplicationScoped
class UserSync implements SecurityIdentityAugmentor {

    static final String USER_ID = "artmint.user-id";

    private final UserDirectory users;
    private final Set<String> acceptedClients;

    UserSync(UserDirectory users, IdentityConfig config) {
        this.users = users;
        this.acceptedClients = config.acceptedClients();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (!issuedFor(acceptedClients, token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token is not issued for ArtMint"));
        }
        return context.runBlocking(() -> {
            User user = users.sync(TokenProfile.of(token, identity.getRoles()));
            return QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(USER_ID, user.id)
                    .build();
        });
    }

    /** Whether the token's authorised party, or one of its audiences, is an accepted client. */
    private static boolean issuedFor(Set<String> acceptedClients, JsonWebToken token) {
        Object authorisedParty = token.getClaim("azp");
        if (authorisedParty != null && acceptedClients.contains(authorisedParty.toString())) {
            return true;
        }
        Set<String> audience = token.getAudience();
        return audience != null && audience.stream().anyMatch(acceptedClients::contains);
    }
}
