package dev.artmint.platform.web;

/**
 * What the web app needs to start: where to sign in (the OIDC issuer and the public client) and which chain it looks
 * at, and the platform fee its contracts take of each sale, in basis points. Nothing secret; {@code chainId} is null
 * while the chain node cannot be reached.
 */
public record ClientConfig(Oidc oidc, Long chainId, String explorerTxUrl, int platformFeeBps) {

    /** The identity provider as the browser reaches it. */
    public record Oidc(String url, String clientId) {}
}
