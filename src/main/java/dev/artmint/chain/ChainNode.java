package dev.artmint.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

import okhttp3.OkHttpClient;

/** The chain node behind ArtMint, reached over JSON-RPC with web3j. */
@ApplicationScoped
public class ChainNode {

    private final ChainConfig config;
    private final Web3j web3j;

    ChainNode(ChainConfig config) {
        this.config = config;
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        this.web3j = Web3j.build(new HttpService(config.rpcUrl(), http));
    }

    /** The chain id the node reports (EIP-155). */
    public long chainId() {
        return call(() -> web3j.ethChainId().send()).getChainId().longValueExact();
    }

    public BigInteger latestBlock() {
        return call(() -> web3j.ethBlockNumber().send()).getBlockNumber();
    }

    public String rpcUrl() {
        return config.rpcUrl();
    }

    @PreDestroy
    void close() {
        web3j.shutdown();
    }

    private interface Call<T extends Response<?>> {
        T send() throws IOException;
    }

    private <T extends Response<?>> T call(Call<T> call) {
        try {
            T response = call.send();
            if (response.hasError()) {
                throw new ChainException("node at " + config.rpcUrl() + " answered: " + response.getError().getMessage());
            }
            return response;
        } catch (IOException e) {
            throw new ChainException("node at " + config.rpcUrl() + " unreachable: " + e.getMessage(), e);
        }
    }
}
