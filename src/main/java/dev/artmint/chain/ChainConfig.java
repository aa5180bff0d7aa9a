package dev.artmint.chain;

import io.smallrye.config.ConfigMapping;

/** The Ethereum JSON-RPC endpoint ArtMint works against. */
@ConfigMapping(prefix = "artmint.chain")
public interface ChainConfig {

    /** JSON-RPC URL of the node, e.g. http://localhost:8545 for Anvil. */
    String rpcUrl();
}
