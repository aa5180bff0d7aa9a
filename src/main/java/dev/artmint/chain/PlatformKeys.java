package dev.artmint.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.stream.Stream;
import org.web3j.crypto.Credentials;

/** The platform's signing keys from configuration: the contracts' admin and the minter. */
@ApplicationScoped
public class PlatformKeys implements SigningKeys {

    private final ChainConfig config;

    PlatformKeys(ChainConfig config) {
        this.config = config;
    }

    public Credentials admin() {
        return Credentials.create(
                config.adminKey().orElseThrow(() -> new ChainException("artmint.chain.admin-key is not configured")));
    }

    public Credentials minter() {
        return Credentials.create(
                config.minterKey().orElseThrow(() -> new ChainException("artmint.chain.minter-key is not configured")));
    }

    @Override
    public Optional<Credentials> of(String address) {
        return Stream.of(config.adminKey(), config.minterKey())
                .flatMap(Optional::stream)
                .map(Credentials::create)
                .filter(key -> key.getAddress().equalsIgnoreCase(address))
                .findFirst();
    }

    /** Where the platform fee goes: the configured recipient, or the admin. */
    public String feeRecipient() {
        return config.contracts().feeRecipient().orElseGet(() -> admin().getAddress());
    }
}
