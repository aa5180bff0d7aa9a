package dev.artmint.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Which tokens of the identity provider ArtMint accepts. */
@ConfigMapping(prefix = "artmint.identity")
public interface IdentityConfig {

    /**
     * The OIDC clients whose tokens are ArtMint's: a token's authorised party ({@code azp}) or one of its audiences
     * must be one of them. Others of the realm (such as {@code admin-cli}) sign in to something else.
     */
    @WithDefault("artmint-web")
    Set<String> acceptedClients();
}
