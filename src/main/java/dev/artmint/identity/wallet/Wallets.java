package dev.artmint.identity.wallet;

import dev.artmint.chain.ChainNode;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.ContractCall;
import dev.artmint.chain.Contracts;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.SigningKeys;
import dev.artmint.chain.TokenCalls;
import dev.artmint.chain.TokenOwnership;
import dev.artmint.chain.TransactionRequest;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Custodial wallets: one per user, created on first need with a key generated here and kept only encrypted. Tokens
 * leave the custodial wallet through the outbox: withdrawals to an address the user linked, transfers anywhere.
 */
@ApplicationScoped
public class Wallets implements SigningKeys {

    private static final int PRIVATE_KEY_BYTES = 32;

    private final KeyCipher cipher;
    private final ChainNode node;
    private final Contracts contracts;
    private final Outbox outbox;
    private final TokenOwnership ownership;
    private final EntityManager entityManager;
    private final TokenCalls tokens;
    private final Instance<TokenLocks> locks;

    Wallets(
            KeyCipher cipher,
            ChainNode node,
            Contracts contracts,
            Outbox outbox,
            TokenOwnership ownership,
            EntityManager entityManager,
            TokenCalls tokens,
            @Any Instance<TokenLocks> locks) {
        this.cipher = cipher;
        this.node = node;
        this.contracts = contracts;
        this.outbox = outbox;
        this.ownership = ownership;
        this.entityManager = entityManager;
        this.tokens = tokens;
        this.locks = locks;
    }

    /** The user's custodial wallet, created on the first call; concurrent first calls get the same one. */
    public Wallet custodial(UUID userId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Wallet.<Wallet>findByIdOptional(userId).orElseGet(() -> create(userId)));
    }

    /** The custodial wallet at an address; empty for an address whose key ArtMint does not hold. */
    public Optional<Wallet> at(String address) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        Wallet.<Wallet>find("address", address.toLowerCase()).firstResultOptional());
    }

    /** Whether the user proved control of the external address with a SIWE signature. */
    public boolean isLinked(UUID userId, String address) {
        return QuarkusTransaction.requiringNew().call(() -> LinkedAddress.isLinked(userId, address));
    }

    /** The ether an address holds, in wei. */
    public BigInteger balance(String address) {
        return node.balance(address);
    }

    /** A wallet's address, balance, tokens (as indexed) and the external addresses linked to its owner. */
    public WalletView view(UUID userId) {
        Wallet wallet = custodial(userId);
        List<String> linked = QuarkusTransaction.requiringNew()
                .call(() -> LinkedAddress.of(userId).stream()
                        .map(link -> link.address)
                        .toList());
        List<String> tokens = QuarkusTransaction.requiringNew().call(() -> ownership.tokensOf(wallet.address)).stream()
                .map(BigInteger::toString)
                .toList();
        return new WalletView(wallet.address, node.balance(wallet.address).toString(), tokens, linked);
    }

    /** The transactions the outbox sent from or to the user's custodial wallet, newest first, pending ones included. */
    @SuppressWarnings("unchecked")
    public List<ChainTransaction> recentTransactions(UUID userId, int limit) {
        String address = custodial(userId).address;
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "select * from chain_tx where signer = ?1 or lower(to_address) = ?1 order by "
                                        + "created_at desc, id desc limit ?2",
                                ChainTransaction.class)
                        .setParameter(1, address)
                        .setParameter(2, limit)
                        .getResultList());
    }

    /** Sends a token held by the custodial wallet to one of the user's linked addresses. */
    public ChainTransaction withdraw(UUID userId, BigInteger tokenId, String to, String idempotencyKey) {
        if (!isLinked(userId, to)) {
            throw Refusal.of(
                    ProblemType.CONFLICT, to + " is not linked to your account; link it with a SIWE signature first");
        }
        return sendToken(userId, tokenId, to, "withdraw:" + userId + ":" + idempotencyKey);
    }

    /**
     * Sends a token held by the user's custodial wallet to an address with ERC-721 safeTransferFrom, through the
     * outbox. A request whose idempotency key is known returns the recorded transaction. The wallet must hold the token
     * (409), no {@link TokenLocks} may hold it (409, e.g. an open market listing) and enough ether for the most the gas
     * may cost on top of what its transactions in flight may cost (402, naming the amount).
     */
    public ChainTransaction sendToken(UUID userId, BigInteger tokenId, String to, String idempotencyKey) {
        Optional<ChainTransaction> known = knownTransfer(userId, tokenId, to, idempotencyKey);
        if (known.isPresent()) {
            return known.get();
        }
        Wallet wallet = custodial(userId);
        String collection = contracts.collection();
        if (!node.ownerOf(collection, tokenId)
                .map(wallet.address::equalsIgnoreCase)
                .orElse(false)) {
            throw Refusal.of(ProblemType.CONFLICT, "token " + tokenId + " is not in your custodial wallet");
        }
        locks.stream()
                .map(lock -> lock.whyHeld(tokenId))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(why -> {
                    throw Refusal.of(ProblemType.CONFLICT, why);
                });
        ContractCall transfer = tokens.transfer(wallet.address, to, tokenId);
        BigInteger needed = outbox.maxCost(wallet.address, transfer.to(), BigInteger.ZERO, transfer.data())
                .add(outbox.committed(wallet.address));
        BigInteger balance = node.balance(wallet.address);
        if (balance.compareTo(needed) < 0) {
            throw Refusal.insufficientFunds("paying the gas of sending token " + tokenId, needed, balance);
        }
        return outbox.submit(
                TransactionRequest.call(idempotencyKey, credentials(wallet), transfer.to(), transfer.data()));
    }

    /**
     * The transaction an idempotency key already names, when it sends this token from the user's custodial wallet to
     * this address; a key that names any other transaction is refused (422), so that a reused key never answers with
     * another request's transaction.
     */
    public Optional<ChainTransaction> knownTransfer(UUID userId, BigInteger tokenId, String to, String idempotencyKey) {
        Optional<ChainTransaction> known = outbox.find(idempotencyKey);
        if (known.isEmpty()) {
            return known;
        }
        String from = custodial(userId).address;
        ContractCall transfer = tokens.transfer(from, to, tokenId);
        ChainTransaction tx = known.get();
        if (!tx.signer.equalsIgnoreCase(from)
                || !transfer.to().equalsIgnoreCase(tx.to)
                || !transfer.data().equalsIgnoreCase(tx.data)) {
            throw Refusal.of(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for another request; use a new key for a new request");
        }
        return known;
    }

    /**
     * Signs, records and sends a transaction from the user's custodial wallet through the outbox. The key never leaves
     * this package: callers name the call, the wallet signs it.
     */
    public ChainTransaction send(UUID userId, String idempotencyKey, String to, BigInteger valueWei, String data) {
        return outbox.submit(
                new TransactionRequest(idempotencyKey, credentials(custodial(userId)), to, valueWei, data));
    }

    /** Signs a 32-byte digest (an EIP-712 hash) with the user's custodial key: r, s and v, 65 bytes. */
    public byte[] signDigest(UUID userId, byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a digest is 32 bytes, got " + digest.length);
        }
        Sign.SignatureData signature =
                Sign.signMessage(digest, credentials(custodial(userId)).getEcKeyPair(), false);
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return bytes;
    }

    /** Signing credentials of a custodial wallet; they stay inside this package and the outbox. */
    /** The custodial key of an address, for the outbox only, to sign its stuck transaction again. */
    @Override
    public Optional<Credentials> of(String address) {
        return at(address).map(this::credentials);
    }

    Credentials credentials(Wallet wallet) {
        return Credentials.create(ECKeyPair.create(cipher.decrypt(wallet.userId, wallet.encryptedKey)));
    }

    private Wallet create(UUID userId) {
        ECKeyPair keyPair;
        try {
            keyPair = Keys.createEcKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a wallet key", e);
        }
        Wallet wallet = new Wallet();
        wallet.userId = userId;
        wallet.address = "0x" + Keys.getAddress(keyPair);
        wallet.encryptedKey = cipher.encrypt(userId, Numeric.toBytesPadded(keyPair.getPrivateKey(), PRIVATE_KEY_BYTES));
        wallet.createdAt = Instant.now();
        int inserted = entityManager
                .createNativeQuery("""
                insert into wallet (user_id, address, encrypted_key, created_at) values (?1, ?2, ?3, ?4)
                on conflict (user_id) do nothing""")
                .setParameter(1, userId)
                .setParameter(2, wallet.address)
                .setParameter(3, wallet.encryptedKey)
                .setParameter(4, wallet.createdAt)
                .executeUpdate();
        return inserted == 1 ? wallet : Wallet.<Wallet>findByIdOptional(userId).orElseThrow();
    }
}
