package dev.artmint.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.utils.Numeric;

/** Anvil from the npm registry: an Ethereum JSON-RPC node whose chain state is saved in the data directory. */
final class AnvilPart extends ProcessPart {

    static final long CHAIN_ID = 31337;
    // Anvil's well-known development mnemonic: its accounts are public throwaway keys for the local chain only
    static final String MNEMONIC = "test test test test test test test test test test test junk";

    private final Path anvil;
    private final Path stateDir;
    private final int port;

    AnvilPart(Path anvil, Path stateDir, Path runDir, int port) {
        super("anvil", runDir);
        this.anvil = anvil;
        this.stateDir = stateDir;
        this.port = port;
    }

    @Override
    public void start() {
        if (!Files.isExecutable(anvil)) {
            throw new IllegalStateException(
                    "Anvil is missing at " + anvil + "; run `npm ci` in contracts/ (./artmint start does)");
        }
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + stateDir, e);
        }
        launch(
                anvil,
                List.of(
                        anvil.toAbsolutePath().toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--chain-id",
                        Long.toString(CHAIN_ID),
                        "--mnemonic",
                        MNEMONIC,
                        "--state",
                        stateDir.resolve("state.json").toAbsolutePath().toString(),
                        "--state-interval",
                        "5"),
                Map.of(),
                Duration.ofSeconds(60),
                () -> Probe.jsonRpcAnswers(rpcUrl()));
    }

    /**
     * Points the application at this node and hands it throwaway keys of the development mnemonic: account 0 deploys
     * and administers the contracts, account 1 mints, account 2 receives the platform fee, account 9 is the faucet.
     * Contracts are deployed on first start; blocks only come with transactions, so one confirmation.
     */
    @Override
    public Map<String, String> configuration() {
        return Map.of(
                "artmint.chain.rpc-url", rpcUrl(),
                "artmint.chain.admin-key", privateKey(0),
                "artmint.chain.minter-key", privateKey(1),
                "artmint.chain.contracts.fee-recipient",
                        Credentials.create(privateKey(2)).getAddress(),
                "artmint.chain.contracts.deploy", "true",
                "artmint.chain.confirmations", "1",
                "artmint.wallet.faucet.key", privateKey(9),
                "artmint.wallet.generate-master-key", "true");
    }

    /** The private key (hex) of a development account, derived like Anvil does (BIP-44 m/44'/60'/0'/0/index). */
    static String privateKey(int index) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
        int[] path = {
            44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT, 0, index
        };
        return Numeric.toHexStringWithPrefixZeroPadded(
                Bip32ECKeyPair.deriveKeyPair(master, path).getPrivateKey(), 64);
    }

    private String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }
}
