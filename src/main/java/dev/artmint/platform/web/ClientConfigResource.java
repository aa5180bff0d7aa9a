package dev.artmint.platform.web;

import dev.artmint.chain.ChainConfig;
import dev.artmint.chain.ChainException;
import dev.artmint.chain.ChainNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The web app's start-up configuration, public: the same for every visitor. */
@Path("/api/config")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "platform")
public class ClientConfigResource {

    private final ClientConfig.Oidc oidc;
    private final ChainNode chain;
    private final WebConfig config;
    private final int platformFeeBps;

    ClientConfigResource(
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
            ChainNode chain,
            WebConfig config,
            ChainConfig chainConfig) {
        this.oidc = new ClientConfig.Oidc(issuer, clientId);
        this.chain = chain;
        this.config = config;
        this.platformFeeBps = chainConfig.contracts().feeBps();
    }

    @GET
    @Operation(
            summary = "What the web app needs to start: the OIDC issuer and client id, the chain id, the platform fee")
    public ClientConfig get() {
        return new ClientConfig(oidc, chainId(), config.explorerTxUrl().orElse(null), platformFeeBps);
    }

    private Long chainId() {
        try {
            return chain.chainId();
        } catch (ChainException e) {
            return null;
        }
    }
}
