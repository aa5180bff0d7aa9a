package dev.artmint.chain;

import dev.artmint.chain.contracts.ArtMarket;
import dev.artmint.chain.contracts.ArtMint721;
import dev.artmint.platform.PlatformConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.crypto.Credentials;

/**
 * The addresses of ArtMint's contracts: from configuration in production; otherwise those kept in the data directory
 * while the chain still has their code, or, where deployment is on (the local stack), freshly deployed through the
 * outbox with the platform's minter and fee recipient and kept for the next start.
 */
@ApplicationScoped
public class Contracts {

    private static final Logger LOG = Logger.getLogger(Contracts.class);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(2);

    private final ChainConfig config;
    private final ChainNode node;
    private final Outbox outbox;
    private final PlatformKeys keys;
    private final Path dataDir;
    private volatile Addresses addresses;

    /** Where the two contracts live. */
    public record Addresses(String collection, String market) {}

    Contracts(ChainConfig config, ChainNode node, Outbox outbox, PlatformKeys keys, PlatformConfig platform) {
        this.config = config;
        this.node = node;
        this.outbox = outbox;
        this.keys = keys;
        this.dataDir = platform.dataDir();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.contracts().deploy()) {
            addresses();
        }
    }

    /** The ArtMint721 collection's address. */
    public String collection() {
        return addresses().collection();
    }

    /** The ArtMarket's address. */
    public String market() {
        return addresses().market();
    }

    public Addresses addresses() {
        Addresses known = addresses;
        if (known == null) {
            synchronized (this) {
                known = addresses;
                if (known == null) {
                    known = resolve();
                    addresses = known;
                }
            }
        }
        return known;
    }

    private Addresses resolve() {
        var configured = config.contracts();
        if (configured.collection().isPresent() && configured.market().isPresent()) {
            return new Addresses(
                    configured.collection().get(), configured.market().get());
        }
        Path file = dataDir.resolve("chain").resolve("contracts-" + node.chainId() + ".properties");
        Optional<Addresses> kept = read(file).filter(this::deployed);
        if (kept.isPresent()) {
            LOG.infof(
                    "contracts at %s (collection) and %s (market), as kept in %s",
                    kept.get().collection(), kept.get().market(), file);
            return kept.get();
        }
        if (!configured.deploy()) {
            throw new ChainException("no contract addresses: configure artmint.chain.contracts.collection and .market");
        }
        Addresses deployed = deploy();
        write(file, deployed);
        LOG.infof(
                "deployed ArtMint721 at %s and ArtMarket at %s; kept in %s",
                deployed.collection(), deployed.market(), file);
        return deployed;
    }

    private Addresses deploy() {
        Credentials admin = keys.admin();
        String collection = deploy("ArtMint721", admin, collectionDeployment());
        String market = deploy("ArtMarket", admin, marketDeployment(collection));
        return new Addresses(collection, market);
    }

    /** The data of ArtMint721's deployment: its code and constructor arguments. */
    String collectionDeployment() {
        String admin = keys.admin().getAddress();
        return ArtMint721.BINARY
                + FunctionEncoder.encodeConstructor(List.<Type>of(
                        new Address(admin),
                        new Address(keys.minter().getAddress()),
                        new Utf8String(config.contracts().baseUri()),
                        new Address(keys.feeRecipient()),
                        new Uint16(BigInteger.valueOf(config.contracts().feeBps()))));
    }

    private String marketDeployment(String collection) {
        return ArtMarket.BINARY
                + FunctionEncoder.encodeConstructor(List.<Type>of(
                        new Address(collection),
                        new Address(keys.admin().getAddress()),
                        new Address(keys.feeRecipient()),
                        new Uint16(BigInteger.valueOf(config.contracts().feeBps()))));
    }

    /**
     * Deploys through the outbox, unless the outbox already has this deployment: a restart in the middle of a
     * deployment follows the same transaction, and a deployment seen through is taken while its code is on the chain.
     */
    private String deploy(String contract, Credentials admin, String data) {
        String keyPrefix = "deploy:" + contract + ":" + node.chainId() + ":" + admin.getAddress() + ":";
        Optional<ChainTransaction> earlier = outbox.deployments(keyPrefix, admin.getAddress(), data).stream()
                .filter(tx -> tx.status != TxStatus.CONFIRMED || hasCode(tx.contractAddress))
                .findFirst();
        if (earlier.isPresent()) {
            try {
                String address = deployed(earlier.get());
                LOG.infof("followed the earlier deployment of %s (%s) to %s", contract, earlier.get().hash, address);
                return address;
            } catch (ChainException e) {
                LOG.warnf(
                        "the earlier deployment of %s (%s) did not complete (%s); deploying again",
                        contract, earlier.get().hash, e.getMessage());
            }
        }
        // keyed by the admin's next nonce, so that a deployment that failed can be tried again
        String key = keyPrefix + node.pendingNonce(admin.getAddress());
        return deployed(outbox.submit(new TransactionRequest(key, admin, null, BigInteger.ZERO, data)));
    }

    private String deployed(ChainTransaction tx) {
        return outbox.await(
                        tx.id, mined -> mined.contractAddress != null && hasCode(mined.contractAddress), DEPLOY_TIMEOUT)
                .contractAddress;
    }

    private boolean deployed(Addresses addresses) {
        return hasCode(addresses.collection()) && hasCode(addresses.market());
    }

    private boolean hasCode(String address) {
        if (address == null) {
            return false;
        }
        String code = node.code(address);
        return code != null && code.length() > 2;
    }

    private static Optional<Addresses> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String collection = properties.getProperty("collection");
        String market = properties.getProperty("market");
        return collection == null || market == null ? Optional.empty() : Optional.of(new Addresses(collection, market));
    }

    private static void write(Path file, Addresses addresses) {
        Properties properties = new Properties();
        properties.setProperty("collection", addresses.collection());
        properties.setProperty("market", addresses.market());
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "ArtMint contracts deployed by the local stack");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
