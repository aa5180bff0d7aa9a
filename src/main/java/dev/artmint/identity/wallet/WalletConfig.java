package dev.artmint.identity.wallet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Custodial wallets, Sign-In with Ethereum and the local faucet. */
@ConfigMapping(prefix = "artmint.wallet")
public interface WalletConfig {

    /** AES-256 key (base64 of 32 bytes) that encrypts the custodial wallets' private keys; a secret. */
    Optional<String> masterKey();

    /**
     * Earlier master keys (base64, comma-separated) that some wallets may still be encrypted under while a rotation
     * runs ({@code artmint rotate-master-key}); tried after the master key, never used to encrypt. Secrets.
     */
    Optional<List<String>> previousMasterKeys();

    /** Without a master key, generate one into the data directory (the local stack turns this on). */
    @WithDefault("false")
    boolean generateMasterKey();

    Siwe siwe();

    Faucet faucet();

    /** What a Sign-In with Ethereum message must say to link an address. */
    interface Siwe {

        /** The domain (host[:port]) the message must name. */
        @WithDefault("localhost:8080")
        String domain();

        /** The URI a client puts in the message. */
        @WithDefault("http://localhost:8080")
        String uri();

        /** How long an issued nonce may be used. */
        @WithDefault("10m")
        Duration nonceTtl();
    }

    /** The local chain's faucet; without a key there is none. */
    interface Faucet {

        /** Private key (hex) of a funded development account. */
        Optional<String> key();

        /** Wei sent per request. */
        @WithDefault("1000000000000000000")
        BigInteger amount();
    }
}
