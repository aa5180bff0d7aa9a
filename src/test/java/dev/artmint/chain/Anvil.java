package dev.artmint.chain;

import dev.artmint.chain.contracts.ArtMarket;
import dev.artmint.chain.contracts.ArtMint721;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The test's own line to the local stack's Anvil node: its development accounts, its test-only JSON-RPC methods (mining
 * control, snapshots) and transactions sent outside the platform.
 */
public final class Anvil implements AutoCloseable {

    private static final String MNEMONIC = "test test test test test test test test test test test junk";

    private final HttpService service;
    private final Web3j web3j;

    /** The node the application under test uses. */
    public Anvil() {
        this(ConfigProvider.getConfig().getValue("artmint.chain.rpc-url", String.class));
    }

    /** The node at {@code rpcUrl}: for services the test started as processes. */
    public Anvil(String rpcUrl) {
        service = new HttpService(rpcUrl);
        web3j = Web3j.build(service);
    }

    /** A JSON-RPC answer whose result is kept as whatever JSON it was. */
    public static final class RpcResponse extends Response<Object> {}

    public static Credentials account(int index) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
        int[] path = {
            44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT, 0, index
        };
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
    }

    /** A fresh random provenance hash, hex. */
    public static String randomHash() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Numeric.toHexString(bytes);
    }

    public void setAutomine(boolean on) {
        rpc("evm_setAutomine", on);
    }

    public BigInteger balance(String address) {
        try {
            return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST)
                    .send()
                    .getBalance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void setBalance(String address, BigInteger wei) {
        rpc("anvil_setBalance", address, Numeric.toHexStringWithPrefix(wei));
    }

    public void mine() {
        rpc("evm_mine");
    }

    public String snapshot() {
        return rpc("evm_snapshot").getResult().toString();
    }

    public void revert(String snapshot) {
        rpc("evm_revert", snapshot);
    }

    public void dropTransaction(String hash) {
        rpc("anvil_dropTransaction", hash);
    }

    public BigInteger nonce(String address, boolean pending) {
        try {
            return web3j.ethGetTransactionCount(
                            address, pending ? DefaultBlockParameterName.PENDING : DefaultBlockParameterName.LATEST)
                    .send()
                    .getTransactionCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Transfer events of one token, as the node has them now. */
    public List<?> transfers(String collection, BigInteger tokenId) {
        EthFilter filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, collection);
        filter.addSingleTopic(EventEncoder.encode(ArtMint721.TRANSFER_EVENT));
        filter.addNullTopic();
        filter.addNullTopic();
        filter.addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(tokenId, 64));
        try {
            return web3j.ethGetLogs(filter).send().getLogs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The owner moves a token with a transaction signed and sent by the test, not by the platform. */
    public TransactionReceipt transferDirectly(String collection, Credentials owner, String to, BigInteger tokenId) {
        try {
            return ArtMint721.load(
                            collection,
                            web3j,
                            new RawTransactionManager(
                                    web3j, owner, 31337L, new PollingTransactionReceiptProcessor(web3j, 100, 300)),
                            new DefaultGasProvider())
                    .transferFrom(owner.getAddress(), to, tokenId)
                    .send();
        } catch (Exception e) {
            throw new IllegalStateException("direct transfer failed", e);
        }
    }

    /** The market as an account outside the platform uses it: its transactions signed and sent by the test. */
    public ArtMarket marketAs(String market, Credentials account) {
        return ArtMarket.load(
                market,
                web3j,
                new RawTransactionManager(
                        web3j, account, 31337L, new PollingTransactionReceiptProcessor(web3j, 100, 300)),
                new DefaultGasProvider());
    }

    /** What a transaction's sender paid for gas: gas used times the effective gas price, from its receipt. */
    public BigInteger gasPaid(String txHash) {
        try {
            TransactionReceipt receipt = web3j.ethGetTransactionReceipt(txHash)
                    .send()
                    .getTransactionReceipt()
                    .orElseThrow(() -> new IllegalStateException("no receipt for " + txHash));
            return receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The digest the collection computes for a voucher ({@code voucherDigest}), to check the service's against. */
    public byte[] voucherDigest(String collection, MintVoucher voucher) {
        try {
            return collection(collection)
                    .voucherDigest(new ArtMint721.Voucher(
                            voucher.creator(),
                            voucher.buyer(),
                            Numeric.hexStringToByteArray(voucher.provenanceHash()),
                            voucher.price(),
                            BigInteger.valueOf(voucher.royaltyBps()),
                            BigInteger.valueOf(voucher.expiry()),
                            voucher.nonce()))
                    .send();
        } catch (Exception e) {
            throw new IllegalStateException("voucherDigest failed: " + e.getMessage(), e);
        }
    }

    /** Whether the creator cancelled the vouchers with this nonce on chain ({@code isVoucherCancelled}). */
    public boolean isVoucherCancelled(String collection, String creator, BigInteger nonce) {
        try {
            return collection(collection).isVoucherCancelled(creator, nonce).send();
        } catch (Exception e) {
            throw new IllegalStateException("isVoucherCancelled failed: " + e.getMessage(), e);
        }
    }

    /** The collection's generated wrapper, for reads. */
    public ArtMint721 collection(String address) {
        return ArtMint721.load(
                address, web3j, new ReadonlyTransactionManager(web3j, address), new DefaultGasProvider());
    }

    /** The market's generated wrapper, for reads. */
    public ArtMarket market(String address) {
        return ArtMarket.load(address, web3j, new ReadonlyTransactionManager(web3j, address), new DefaultGasProvider());
    }

    public String ownerOnChain(String collection, BigInteger tokenId) {
        try {
            return ArtMint721.load(
                            collection,
                            web3j,
                            new ReadonlyTransactionManager(web3j, collection),
                            new DefaultGasProvider())
                    .ownerOf(tokenId)
                    .send()
                    .toLowerCase();
        } catch (Exception e) {
            throw new IllegalStateException("ownerOf failed", e);
        }
    }

    private RpcResponse rpc(String method, Object... params) {
        try {
            RpcResponse response = new Request<>(method, Arrays.asList(params), service, RpcResponse.class).send();
            if (response.hasError()) {
                throw new IllegalStateException(
                        method + ": " + response.getError().getMessage());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
