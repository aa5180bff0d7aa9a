package dev.artmint.market;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How minted tokens describe themselves to wallets and marketplaces. */
@ConfigMapping(prefix = "artmint.market")
public interface TokenConfig {

    /** ArtMint's public address; token metadata links images and artwork pages under it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** How long others may cache a token's metadata document. */
    @WithDefault("60s")
    Duration tokenMetadataMaxAge();
}
