package dev.artmint.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
            throw new IllegalStateException("Anvil is missing at " + anvil + "; run `npm ci` in contracts/ (./artmint start does)");
        }
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + stateDir, e);
        }
        launch(anvil, List.of(anvil.toAbsolutePath().toString(),
                        "--host", "127.0.0.1",
                        "--port", Integer.toString(port),
                        "--chain-id", Long.toString(CHAIN_ID),
                        "--mnemonic", MNEMONIC,
                        "--state", stateDir.resolve("state.json").toAbsolutePath().toString(),
                        "--state-interval", "5"),
                Map.of(), Duration.ofSeconds(60), () -> Probe.jsonRpcAnswers(rpcUrl()));
    }

    @Override
    public Map<String, String> configuration() {
        return Map.of("artmint.chain.rpc-url", rpcUrl());
    }

    private String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }
}
