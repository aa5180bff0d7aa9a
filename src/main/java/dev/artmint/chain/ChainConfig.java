package dev.artmint.chain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

/** The Ethereum JSON-RPC endpoint ArtMint works against, the platform's keys and its contracts. */
@ConfigMapping(prefix = "artmint.chain")
public interface ChainConfig {

    /** JSON-RPC URL of the node, e.g. http://localhost:8545 for Anvil. */
    String rpcUrl();

    /** Blocks a transaction's block must have on top of it, itself included, before it counts as confirmed. */
    @WithDefault("2")
    int confirmations();

    /** Private key (hex) of the contracts' admin, which deploys them; a secret. */
    Optional<String> adminKey();

    /** Private key (hex) holding MINTER_ROLE; a secret. */
    Optional<String> minterKey();

    Contracts contracts();

    Outbox outbox();

    Indexer indexer();

    /** Where the contracts are, or how to deploy them when they are not configured. */
    interface Contracts {

        /** ArtMint721 address; when absent, taken from the data directory or deployed if {@link #deploy()} is on. */
        Optional<String> collection();

        /** ArtMarket address, same rules as {@link #collection()}. */
        Optional<String> market();

        /** Deploy the contracts when no addresses are configured or kept (the local stack turns this on). */
        @WithDefault("false")
        boolean deploy();

        @WithDefault("http://localhost:8080/api/tokens/")
        String baseUri();

        /** Receives the platform fee; the admin's address when absent. */
        Optional<String> feeRecipient();

        @WithDefault("250")
        int feeBps();
    }

    /** The transaction outbox. */
    interface Outbox {

        /** How often sent transactions are checked for receipts and unsent ones are sent again. */
        @WithDefault("1s")
        Duration pollEvery();

        /** Added to eth_estimateGas, in percent. */
        @WithDefault("20")
        int gasMarginPercent();

        /** Upper bound for a transaction's max fee per gas, in wei. */
        @WithDefault("500000000000")
        BigInteger maxFeeCap();

        /** How long a sent transaction may stay unmined before it is signed again at its nonce with higher fees. */
        @WithDefault("2m")
        Duration stuckAfter();

        /** How much a replacement raises both fees, in percent (EIP-1559 pools ask at least 10). */
        @WithDefault("25")
        int feeBumpPercent();
    }

    /** The event indexer. */
    interface Indexer {

        @WithDefault("1s")
        Duration pollEvery();

        /** Most blocks asked for in one eth_getLogs call. */
        @WithDefault("500")
        int maxBlockRange();

        /** First block to index when nothing is indexed yet (the contracts' deployment block or earlier). */
        @WithDefault("0")
        long startBlock();
    }
}
