package dev.artmint.chain;

import dev.artmint.chain.contracts.ArtMarket;
import dev.artmint.chain.contracts.ArtMint721;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.jboss.logging.Logger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/** The chain node behind ArtMint, reached over JSON-RPC with web3j; the only class that holds the client. */
@ApplicationScoped
public class ChainNode {

    private static final Logger LOG = Logger.getLogger(ChainNode.class);
    private static final Duration FEE_QUOTE_TTL = Duration.ofSeconds(2);

    private final ChainConfig config;
    private final Web3j web3j;
    private volatile Long chainId;
    private volatile Quote feeQuote;

    ChainNode(ChainConfig config) {
        this.config = config;
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        this.web3j = Web3j.build(new HttpService(config.rpcUrl(), http));
    }

    /** The chain id the node reports (EIP-155), read once and kept: a node does not change chains. */
    public long chainId() {
        Long known = chainId;
        if (known == null) {
            known = call(() -> web3j.ethChainId().send()).getChainId().longValueExact();
            chainId = known;
        }
        return known;
    }

    public BigInteger latestBlock() {
        return call(() -> web3j.ethBlockNumber().send()).getBlockNumber();
    }

    public String rpcUrl() {
        return config.rpcUrl();
    }

    /** The hash of the node's block at a height, empty when the node has no such block (yet, or any more). */
    Optional<String> blockHash(long number) {
        EthBlock.Block block = call(() -> web3j.ethGetBlockByNumber(
                                DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                        .send())
                .getBlock();
        return Optional.ofNullable(block).map(EthBlock.Block::getHash);
    }

    public BigInteger balance(String address) {
        return call(() -> web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST)
                        .send())
                .getBalance();
    }

    /** The next nonce of an address, counting its transactions still waiting in the node's pool. */
    BigInteger pendingNonce(String address) {
        return call(() -> web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)
                        .send())
                .getTransactionCount();
    }

    String code(String address) {
        return call(() -> web3j.ethGetCode(address, DefaultBlockParameterName.LATEST)
                        .send())
                .getCode();
    }

    /**
     * Gas the call would use; a call that reverts raises {@link TransactionRevertedException} with the error's name.
     */
    BigInteger estimateGas(String from, String to, BigInteger value, String data) {
        var response = send(() -> web3j.ethEstimateGas(new Transaction(from, null, null, null, to, value, data))
                .send());
        if (response.hasError()) {
            throw new TransactionRevertedException(RevertReasons.describe(response.getError()));
        }
        return response.getAmountUsed();
    }

    /**
     * EIP-1559 fees for the next block: the node's suggested tip, and twice the base fee on top as headroom, which
     * covers several blocks of base-fee increases; so a quote is reused for a short while instead of asked per call.
     */
    Fees fees() {
        Quote quote = feeQuote;
        if (quote == null || quote.expires().isBefore(Instant.now())) {
            quote = new Quote(freshFees(), Instant.now().plus(FEE_QUOTE_TTL));
            feeQuote = quote;
        }
        return quote.fees();
    }

    private record Quote(Fees fees, Instant expires) {}

    private Fees freshFees() {
        BigInteger tip = call(() -> web3j.ethMaxPriorityFeePerGas().send()).getMaxPriorityFeePerGas();
        EthBlock.Block latest = call(() -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
                        .send())
                .getBlock();
        BigInteger baseFee = latest.getBaseFeePerGas() == null ? BigInteger.ZERO : latest.getBaseFeePerGas();
        BigInteger maxFee = baseFee.shiftLeft(1).add(tip).min(config.outbox().maxFeeCap());
        return new Fees(tip.min(maxFee), maxFee);
    }

    /** The most a transaction with this gas limit can cost at the current fee quote: the limit times the max fee. */
    public BigInteger gasCost(BigInteger gasLimit) {
        return gasLimit.multiply(fees().maxFeePerGas());
    }

    /** Fees of one EIP-1559 transaction, in wei per gas. */
    record Fees(BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas) {}

    /** Hands a signed transaction to the node and says what it made of it. */
    SendResult sendRaw(String rawTransaction) {
        var response = send(() -> web3j.ethSendRawTransaction(rawTransaction).send());
        if (!response.hasError()) {
            return SendResult.ACCEPTED;
        }
        Response.Error error = response.getError();
        SendResult result = SendResult.ofRefusal(error.getCode(), error.getMessage(), error.getData());
        if (result != SendResult.ACCEPTED) {
            LOG.infof(
                    "node at %s answered %s to a transaction: %d %s",
                    config.rpcUrl(), result, error.getCode(), error.getMessage());
        }
        return result;
    }

    /** What the node made of a signed transaction. */
    enum SendResult {
        /** in the node's pool, now or before */
        ACCEPTED,
        /** another transaction of the signer already took the nonce, or this one was mined before */
        NONCE_USED,
        /** its fees are too low: under the base fee, or not enough above a transaction of the same nonce */
        UNDERPRICED,
        /** the node will not take it as it is (funds, gas, size, a nonce gap): it has to be replaced */
        REFUSED,
        /** the node failed or is busy (internal error, rate limit): the same bytes are to be sent again later */
        UNAVAILABLE;

        // server-side failures that say nothing about the transaction: -32603 internal error, -32002 resource
        // unavailable, -32005 limit exceeded, -32004 method not supported
        private static final Set<Integer> NODE_FAILURES = Set.of(-32603, -32002, -32005, -32004);

        /**
         * What a node's error answer to a raw transaction means: its JSON-RPC code says whether it is a verdict on the
         * transaction at all (EIP-1474: -32000 invalid input, -32003 transaction rejected, -32010 in OpenEthereum and
         * Nethermind) or a failure of the node; the message and the data, where the client gives its reason there, say
         * which verdict.
         */
        static SendResult ofRefusal(int code, String message, String data) {
            if (NODE_FAILURES.contains(code)) {
                return UNAVAILABLE;
            }
            String reason = ((message == null ? "" : message) + " " + (data == null ? "" : data))
                    .toLowerCase()
                    .replace('_', ' ');
            if (reason.contains("already known")
                    || reason.contains("already imported")
                    || reason.contains("known transaction")) {
                return ACCEPTED;
            }
            if (reason.contains("nonce too low")
                    || reason.contains("nonce is too low")
                    || reason.contains("oldnonce")) {
                return NONCE_USED;
            }
            if (reason.contains("underpriced")
                    || reason.contains("less than block base fee")
                    || reason.contains("fee too low")
                    || reason.contains("price too low")
                    || reason.contains("feetoolow")) {
                return UNDERPRICED;
            }
            return REFUSED;
        }
    }

    Optional<TransactionReceipt> receipt(String txHash) {
        return call(() -> web3j.ethGetTransactionReceipt(txHash).send()).getTransactionReceipt();
    }

    /** Whether the node knows the transaction, pending or mined. */
    boolean knows(String txHash) {
        return call(() -> web3j.ethGetTransactionByHash(txHash).send())
                .getTransaction()
                .isPresent();
    }

    /**
     * Why a mined transaction reverted: replays it on the state after its block, which holds whatever the transactions
     * before it in the block changed, and names the custom error.
     */
    String revertReason(String from, String to, BigInteger value, String data, long blockNumber) {
        var response = send(() -> web3j.ethCall(
                        new Transaction(from, null, null, null, to, value, data),
                        DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber)))
                .send());
        if (response.hasError()) {
            return RevertReasons.describe(response.getError());
        }
        return "reverted (out of gas, or the state changed between estimate and inclusion)";
    }

    /** The logs of these contracts' events (any of the topics) between two blocks, inclusive, in chain order. */
    List<Log> logs(List<String> addresses, List<String> topics, long fromBlock, long toBlock) {
        EthFilter filter = new EthFilter(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)),
                addresses);
        filter.addOptionalTopics(topics.toArray(String[]::new));
        return call(() -> web3j.ethGetLogs(filter).send()).getLogs().stream()
                .map(result -> (Log) ((EthLog.LogObject) result).get())
                .toList();
    }

    /** The generated ArtMint721 wrapper at an address, for reads and for encoding calls; it sends nothing itself. */
    ArtMint721 collection(String address) {
        return ArtMint721.load(
                address, web3j, new ReadonlyTransactionManager(web3j, address), new DefaultGasProvider());
    }

    /** The generated ArtMarket wrapper at an address, for reads and for encoding calls; it sends nothing itself. */
    ArtMarket market(String address) {
        return ArtMarket.load(address, web3j, new ReadonlyTransactionManager(web3j, address), new DefaultGasProvider());
    }

    /** The raw result of a read-only call on the latest block; empty when the call reverts or answers nothing. */
    Optional<String> call(String to, String data) {
        var response = send(() -> web3j.ethCall(
                        Transaction.createEthCallTransaction(null, to, data), DefaultBlockParameterName.LATEST)
                .send());
        if (response.hasError() || response.getValue() == null || "0x".equals(response.getValue())) {
            return Optional.empty();
        }
        return Optional.of(response.getValue());
    }

    /** The owner of a token on-chain, empty when it is not minted. */
    public Optional<String> ownerOf(String collection, BigInteger tokenId) {
        String data = collection(collection).ownerOf(tokenId).encodeFunctionCall();
        var response = send(() -> web3j.ethCall(
                        Transaction.createEthCallTransaction(null, collection, data), DefaultBlockParameterName.LATEST)
                .send());
        if (response.hasError()
                || response.getValue() == null
                || response.getValue().length() < 66) {
            return Optional.empty();
        }
        return Optional.of(
                "0x" + response.getValue().substring(response.getValue().length() - 40));
    }

    @PreDestroy
    void close() {
        web3j.shutdown();
    }

    private interface Call<T extends Response<?>> {
        T send() throws IOException;
    }

    private <T extends Response<?>> T call(Call<T> call) {
        T response = send(call);
        if (response.hasError()) {
            throw new ChainException("node at " + config.rpcUrl() + " answered: "
                    + response.getError().getMessage());
        }
        return response;
    }

    private <T extends Response<?>> T send(Call<T> call) {
        try {
            return call.send();
        } catch (IOException e) {
            throw new ChainException("node at " + config.rpcUrl() + " unreachable: " + e.getMessage(), e);
        }
    }
}
