package dev.artmint.chain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The durable transaction outbox. A request is signed with the next nonce of its signer under that signer's row lock
 * and recorded before it is sent, so concurrent callers and several processes never share a nonce, and a restart finds
 * every transaction it has to follow. Resends repeat the recorded signed bytes, after a look-up by hash, so a
 * transaction can execute at most once.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final BigInteger SELF_TRANSFER_GAS = BigInteger.valueOf(21_000);
    private static final int KNOWN_SIGNERS = 10_000;

    private final ChainNode node;
    private final ChainConfig config;
    private final EntityManager entityManager;
    private final Instance<SigningKeys> keys;
    private final Clock clock;
    // signers whose nonce row exists, the most recent ones only (one per custodial wallet that ever sent): the row, not
    // this cache, assigns nonces, and a signer forgotten here only has its row looked up again
    private final Cache<String, Boolean> knownSigners =
            Caffeine.newBuilder().maximumSize(KNOWN_SIGNERS).build();

    Outbox(
            ChainNode node,
            ChainConfig config,
            EntityManager entityManager,
            @Any Instance<SigningKeys> keys,
            Clock clock) {
        this.node = node;
        this.config = config;
        this.entityManager = entityManager;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Signs, records and sends a transaction; a request whose idempotency key is known returns the recorded one. A call
     * that would revert is refused with {@link TransactionRevertedException} before anything is recorded. Never called
     * inside a database transaction (it throws {@link IllegalStateException}): the caller commits first.
     */
    public ChainTransaction submit(TransactionRequest request) {
        requireNoTransaction("sending " + request.idempotencyKey());
        Optional<ChainTransaction> known = find(request.idempotencyKey());
        if (known.isPresent()) {
            return known.get();
        }
        String from = request.signer().getAddress();
        BigInteger gasLimit = gasLimit(from, request.to(), request.value(), request.data());
        ChainNode.Fees fees = node.fees();
        if (knownSigners.getIfPresent(from) == null) {
            // the first transaction of a signer starts its sequence where the chain has it
            BigInteger chainNonce = node.pendingNonce(from);
            QuarkusTransaction.requiringNew().run(() -> startSequence(from, chainNonce));
            knownSigners.put(from, Boolean.TRUE);
        }
        ChainTransaction recorded = QuarkusTransaction.requiringNew().call(() -> record(request, gasLimit, fees));
        if (recorded.status == TxStatus.REQUESTED) {
            send(recorded);
        }
        return find(request.idempotencyKey()).orElseThrow();
    }

    /**
     * The most a call would cost its signer if submitted now: the gas limit the outbox gives it at the current max fee
     * per gas, plus the value sent. A call that would revert raises {@link TransactionRevertedException}.
     */
    public BigInteger maxCost(String from, String to, BigInteger value, String data) {
        return gasLimit(from, to, value, data)
                .multiply(node.fees().maxFeePerGas())
                .add(value);
    }

    /**
     * The most the signer's transactions still in flight (recorded or sent, not yet mined) can take from its balance:
     * their values and gas limits at their max fees. A mined transaction is in the balance the node reports already.
     * Joins the caller's transaction.
     */
    public BigInteger committed(String signer) {
        return QuarkusTransaction.joiningExisting().call(() -> ChainTransaction.inFlight(signer)).stream()
                .map(tx -> tx.value.add(tx.gasLimit.multiply(tx.maxFeePerGas)))
                .reduce(BigInteger.ZERO, BigInteger::add);
    }

    /**
     * Cancels a transaction that is not mined yet: signs a zero-value self-transfer at its nonce, with higher fees when
     * the node holds it already. Whichever of the two is mined decides: the transaction FAILED with {@code why}, or,
     * when the original got in first, as it would have been.
     */
    public void cancel(UUID id, String why) {
        ChainTransaction tx = find(id).orElseThrow();
        if ((tx.status == TxStatus.REQUESTED || tx.status == TxStatus.SENT) && tx.cancelReason == null) {
            resign(tx, true, why);
        }
    }

    public Optional<ChainTransaction> find(String idempotencyKey) {
        return QuarkusTransaction.requiringNew().call(() -> ChainTransaction.findByKey(idempotencyKey));
    }

    public Optional<ChainTransaction> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ChainTransaction.<ChainTransaction>findByIdOptional(id));
    }

    /**
     * The contract deployments of exactly this data by this signer, under keys that start with {@code keyPrefix}, that
     * did not fail; the newest first.
     */
    List<ChainTransaction> deployments(String keyPrefix, String signer, String data) {
        return QuarkusTransaction.requiringNew().call(() -> ChainTransaction.withKeyPrefix(keyPrefix)).stream()
                .filter(tx -> tx.to == null && tx.signer.equals(signer) && tx.data.equals(data))
                .filter(tx -> tx.status != TxStatus.FAILED)
                .toList();
    }

    /**
     * Follows one transaction until it satisfies the condition, driving it along itself so that it also works before
     * the scheduled follow-up runs (at startup).
     */
    public ChainTransaction await(UUID id, Predicate<ChainTransaction> condition, Duration timeout) {
        requireNoTransaction("waiting for a transaction");
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ChainTransaction tx = find(id).orElseThrow();
            if (condition.test(tx)) {
                return tx;
            }
            if (tx.status.isFinal() || Instant.now().isAfter(deadline)) {
                throw new ChainException("transaction " + tx.hash + " is " + tx.status
                        + (tx.failureReason == null ? "" : " (" + tx.failureReason + ")") + " after waiting "
                        + timeout);
            }
            followUp(tx);
            if (find(id).orElseThrow().status == tx.status) {
                pause();
            }
        }
    }

    /** One pass over every open transaction: sends what is unsent, records receipts, confirms, notices reorgs. */
    void followUpAll() {
        for (ChainTransaction tx : QuarkusTransaction.requiringNew().call(ChainTransaction::open)) {
            try {
                followUp(tx);
            } catch (ChainException e) {
                LOG.warnf("outbox: following %s (%s) failed for now: %s", tx.hash, tx.idempotencyKey, e.getMessage());
            }
        }
    }

    /**
     * Chain before database: a transaction sent from inside a database transaction could be sent for a change that then
     * rolls back, and waiting for the chain inside one holds its connection and its row locks.
     */
    private static void requireNoTransaction(String what) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException(what + " inside a database transaction; commit it first");
        }
    }

    private BigInteger gasLimit(String from, String to, BigInteger value, String data) {
        BigInteger estimate = node.estimateGas(from, to, value, data);
        return estimate.multiply(BigInteger.valueOf(100L + config.outbox().gasMarginPercent()))
                .divide(BigInteger.valueOf(100));
    }

    private void startSequence(String signer, BigInteger chainNonce) {
        entityManager
                .createNativeQuery(
                        "insert into chain_nonce (signer, next_nonce) values (?1, ?2) on conflict (signer) do nothing")
                .setParameter(1, signer)
                .setParameter(2, chainNonce.longValueExact())
                .executeUpdate();
    }

    private ChainTransaction record(TransactionRequest request, BigInteger gasLimit, ChainNode.Fees fees) {
        String signer = request.signer().getAddress();
        long nonce = ((Number) entityManager
                        .createNativeQuery("select next_nonce from chain_nonce where signer = ?1 for update")
                        .setParameter(1, signer)
                        .getSingleResult())
                .longValue();
        // a caller with the same key may have committed while this one waited for the lock
        Optional<ChainTransaction> known = ChainTransaction.findByKey(request.idempotencyKey());
        if (known.isPresent()) {
            return known.get();
        }
        String signed = sign(request.signer(), nonce, gasLimit, request.to(), request.value(), request.data(), fees);
        ChainTransaction tx = new ChainTransaction();
        tx.id = UUID.randomUUID();
        tx.idempotencyKey = request.idempotencyKey();
        tx.signer = signer;
        tx.nonce = nonce;
        tx.to = request.to();
        tx.data = request.data();
        tx.value = request.value();
        tx.gasLimit = gasLimit;
        tx.maxFeePerGas = fees.maxFeePerGas();
        tx.maxPriorityFeePerGas = fees.maxPriorityFeePerGas();
        tx.rawTransaction = signed;
        tx.hash = Hash.sha3(signed);
        tx.status = TxStatus.REQUESTED;
        tx.createdAt = clock.instant();
        tx.updatedAt = tx.createdAt;
        tx.persist();
        entityManager
                .createNativeQuery("update chain_nonce set next_nonce = ?2 where signer = ?1")
                .setParameter(1, signer)
                .setParameter(2, nonce + 1)
                .executeUpdate();
        return tx;
    }

    private String sign(
            Credentials signer,
            long nonce,
            BigInteger gasLimit,
            String to,
            BigInteger value,
            String data,
            ChainNode.Fees fees) {
        RawTransaction raw = RawTransaction.createTransaction(
                node.chainId(),
                BigInteger.valueOf(nonce),
                gasLimit,
                to == null ? "" : to,
                value,
                data,
                fees.maxPriorityFeePerGas(),
                fees.maxFeePerGas());
        return Numeric.toHexString(TransactionEncoder.signMessage(raw, signer));
    }

    private void followUp(ChainTransaction tx) {
        switch (tx.status) {
            case REQUESTED -> {
                if (node.knows(tx.hash)) {
                    transition(tx, TxStatus.REQUESTED, TxStatus.SENT);
                } else {
                    send(tx);
                }
            }
            case SENT -> {
                Optional<TransactionReceipt> receipt = minedUnderAnyHash(tx);
                if (receipt.isPresent()) {
                    mined(tx, receipt.get());
                } else if (!node.knows(tx.hash)) {
                    // the node dropped it from its pool; the same signed bytes can only ever execute once
                    send(tx);
                } else if (tx.updatedAt.plus(config.outbox().stuckAfter()).isBefore(clock.instant())) {
                    LOG.infof(
                            "outbox: %s (%s) is not mined after %s",
                            tx.hash, tx.idempotencyKey, config.outbox().stuckAfter());
                    resign(tx, false, null);
                }
            }
            case MINED -> confirmOrReopen(tx);
            case CONFIRMED, FAILED -> {}
        }
    }

    private void send(ChainTransaction tx) {
        try {
            ChainNode.SendResult result = node.sendRaw(tx.rawTransaction);
            switch (result) {
                case ACCEPTED -> transition(tx, tx.status, TxStatus.SENT);
                case NONCE_USED -> nonceUsed(tx);
                case UNDERPRICED -> resign(tx, false, null);
                case REFUSED -> {
                    if (tx.cancelReason == null) {
                        resign(tx, true, "the node refused the transaction");
                    } else {
                        // the cancel itself was refused (its signer cannot pay even that): the same bytes again later
                        LOG.warnf("outbox: the node refused the cancel %s of %s", tx.hash, tx.idempotencyKey);
                    }
                }
                case UNAVAILABLE ->
                    // stays where it is: the follow-up sends the same bytes again
                    LOG.warnf("outbox: the node could not take %s now", tx.hash);
            }
        } catch (ChainException e) {
            // stays where it is: the follow-up sends the same bytes again
            LOG.warnf("outbox: sending %s failed for now: %s", tx.hash, e.getMessage());
        }
    }

    /** The nonce is taken: by this transaction under one of its hashes, or by one sent outside the outbox. */
    private void nonceUsed(ChainTransaction tx) {
        Optional<TransactionReceipt> receipt = minedUnderAnyHash(tx);
        if (receipt.isPresent()) {
            transition(tx, tx.status, TxStatus.SENT);
            mined(tx, receipt.get());
            return;
        }
        // the chain is ahead of the stored sequence: later requests must not take used nonces again
        BigInteger chainNonce = node.pendingNonce(tx.signer);
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "update chain_nonce set next_nonce = greatest(next_nonce, ?2) where signer = ?1")
                        .setParameter(1, tx.signer)
                        .setParameter(2, chainNonce.longValueExact())
                        .executeUpdate());
        fail(tx, "nonce " + tx.nonce + " of " + tx.signer + " was used by a transaction sent outside the outbox");
    }

    /** The receipt of the transaction under its current hash or any it had before it was signed again. */
    private Optional<TransactionReceipt> minedUnderAnyHash(ChainTransaction tx) {
        for (String hash : tx.hashes()) {
            Optional<TransactionReceipt> receipt = node.receipt(hash);
            if (receipt.isPresent()) {
                if (!hash.equals(tx.hash)) {
                    adopt(tx, hash);
                }
                return receipt;
            }
        }
        return Optional.empty();
    }

    /** An earlier signing of the transaction was mined: that hash is the transaction's now. */
    private void adopt(ChainTransaction tx, String hash) {
        String others = tx.hashes().reversed().stream()
                .filter(earlier -> !earlier.equals(hash))
                .collect(Collectors.joining(","));
        QuarkusTransaction.requiringNew()
                .run(() -> ChainTransaction.update(
                        "hash = ?1, replacedHashes = ?2, updatedAt = ?3 where id = ?4",
                        hash,
                        others,
                        clock.instant(),
                        tx.id));
        tx.hash = hash;
        tx.replacedHashes = others;
    }

    /**
     * Signs the transaction again at its nonce, both fees raised by the configured bump and at least to the current
     * quote: as it was, or, to {@code cancel} it, as a zero-value self-transfer that frees the nonce for the later
     * ones. The earlier hash is kept, as it may still be mined.
     */
    private void resign(ChainTransaction seen, boolean cancel, String why) {
        // another follow-up (or a cancel) may have signed it again meanwhile: work from the row as it is now
        ChainTransaction tx = find(seen.id).orElseThrow();
        if (tx.status.isFinal() || tx.status == TxStatus.MINED) {
            return;
        }
        Optional<Credentials> key = keyOf(tx.signer);
        if (key.isEmpty()) {
            fail(tx, (why == null ? "stuck" : why) + "; the outbox holds no key of " + tx.signer + " to replace it");
            return;
        }
        boolean cancelling = cancel || tx.cancelReason != null;
        ChainNode.Fees quote = node.fees();
        // a transaction the pool holds at this nonce is only replaced by one paying both fees more
        boolean inPool = tx.status == TxStatus.SENT || node.knows(tx.hash);
        BigInteger tip = inPool
                ? bumped(tx.maxPriorityFeePerGas).max(quote.maxPriorityFeePerGas())
                : quote.maxPriorityFeePerGas();
        BigInteger maxFee = inPool ? bumped(tx.maxFeePerGas).max(quote.maxFeePerGas()) : quote.maxFeePerGas();
        if (maxFee.compareTo(config.outbox().maxFeeCap()) > 0) {
            LOG.warnf("outbox: %s cannot be replaced under the fee cap; waiting for the base fee to fall", tx.hash);
            return;
        }
        ChainNode.Fees fees = new ChainNode.Fees(tip.min(maxFee), maxFee);
        BigInteger gasLimit = cancelling ? SELF_TRANSFER_GAS : tx.gasLimit;
        String signed = cancelling
                ? sign(key.get(), tx.nonce, gasLimit, tx.signer, BigInteger.ZERO, "0x", fees)
                : sign(key.get(), tx.nonce, gasLimit, tx.to, tx.value, tx.data, fees);
        String reason = !cancelling
                ? null
                : tx.cancelReason != null
                        ? tx.cancelReason
                        : truncate(why + "; its nonce was freed by a zero-value self-transfer");
        String earlier = tx.replacedHashes.isEmpty() ? tx.hash : tx.replacedHashes + "," + tx.hash;
        int updated = QuarkusTransaction.requiringNew()
                .call(() -> ChainTransaction.update(
                        "replacedHashes = ?1, rawTransaction = ?2, hash = ?3, gasLimit = ?4, maxFeePerGas = ?5, "
                                + "maxPriorityFeePerGas = ?6, cancelReason = ?7, updatedAt = ?8 "
                                + "where id = ?9 and hash = ?10 and status = ?11",
                        earlier,
                        signed,
                        Hash.sha3(signed),
                        gasLimit,
                        fees.maxFeePerGas(),
                        fees.maxPriorityFeePerGas(),
                        reason,
                        clock.instant(),
                        tx.id,
                        tx.hash,
                        tx.status));
        if (updated == 0) {
            return;
        }
        LOG.infof(
                "outbox: %s (%s) signed again at nonce %d with max fee %s%s",
                tx.hash, tx.idempotencyKey, tx.nonce, maxFee, cancelling ? " as a cancel" : "");
        try {
            if (node.sendRaw(signed) == ChainNode.SendResult.ACCEPTED) {
                transition(find(tx.id).orElseThrow(), tx.status, TxStatus.SENT);
            }
            // otherwise the follow-up tries again: a refused cancel waits for the signer to afford it
        } catch (ChainException e) {
            LOG.warnf("outbox: sending the replacement of %s failed for now: %s", tx.hash, e.getMessage());
        }
    }

    private BigInteger bumped(BigInteger fee) {
        return fee.multiply(
                        BigInteger.valueOf(100L + Math.max(10, config.outbox().feeBumpPercent())))
                .divide(BigInteger.valueOf(100))
                .add(BigInteger.ONE);
    }

    private Optional<Credentials> keyOf(String signer) {
        return keys.stream()
                .map(holder -> holder.of(signer))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private void mined(ChainTransaction tx, TransactionReceipt receipt) {
        long block = receipt.getBlockNumber().longValueExact();
        if (tx.cancelReason != null && !selfTransfer(tx, receipt)) {
            // a signing from before the cancel was mined after all: the request ran
            QuarkusTransaction.requiringNew()
                    .run(() -> ChainTransaction.update("cancelReason = null where id = ?1", tx.id));
            tx.cancelReason = null;
        }
        if (tx.cancelReason != null) {
            // the self-transfer that freed the nonce: the request itself never ran
            failed(tx, receipt, block, tx.cancelReason);
            return;
        }
        if (!receipt.isStatusOK()) {
            String reason = node.revertReason(tx.signer, tx.to, tx.value, tx.data, block);
            failed(tx, receipt, block, truncate(reason));
            LOG.infof("outbox: %s (%s) reverted: %s", tx.hash, tx.idempotencyKey, reason);
            return;
        }
        QuarkusTransaction.requiringNew()
                .run(() -> ChainTransaction.update(
                        "status = ?1, blockNumber = ?2, blockHash = ?3, gasUsed = ?4, contractAddress = ?5, updatedAt "
                                + "= ?6 where id = ?7 and status in ?8",
                        TxStatus.MINED,
                        block,
                        receipt.getBlockHash(),
                        receipt.getGasUsed(),
                        receipt.getContractAddress(),
                        clock.instant(),
                        tx.id,
                        List.of(TxStatus.REQUESTED, TxStatus.SENT)));
        tx.status = TxStatus.MINED;
        tx.blockNumber = block;
        tx.blockHash = receipt.getBlockHash();
        confirmOrReopen(tx);
    }

    /** Whether the receipt is of the zero-value self-transfer that cancels the transaction. */
    private static boolean selfTransfer(ChainTransaction tx, TransactionReceipt receipt) {
        return tx.signer.equalsIgnoreCase(receipt.getTo()) && !tx.signer.equalsIgnoreCase(tx.to);
    }

    private void confirmOrReopen(ChainTransaction tx) {
        Optional<String> canonical = node.blockHash(tx.blockNumber);
        if (canonical.isEmpty() || !canonical.get().equals(tx.blockHash)) {
            LOG.infof(
                    "outbox: block %d of %s was reorganised away; following the transaction again",
                    tx.blockNumber, tx.hash);
            QuarkusTransaction.requiringNew()
                    .run(() -> ChainTransaction.update(
                            "status = ?1, blockNumber = null, blockHash = null, updatedAt = ?2 where id = ?3 and "
                                    + "status = ?4",
                            TxStatus.SENT,
                            clock.instant(),
                            tx.id,
                            TxStatus.MINED));
            return;
        }
        long depth = node.latestBlock().longValueExact() - tx.blockNumber + 1;
        if (depth >= config.confirmations()) {
            transition(tx, TxStatus.MINED, TxStatus.CONFIRMED);
        }
    }

    private void fail(ChainTransaction tx, String reason) {
        QuarkusTransaction.requiringNew()
                .run(() -> ChainTransaction.update(
                        "status = ?1, failureReason = ?2, updatedAt = ?3 where id = ?4 and status = ?5",
                        TxStatus.FAILED,
                        truncate(reason),
                        clock.instant(),
                        tx.id,
                        tx.status));
    }

    private void transition(ChainTransaction tx, TxStatus from, TxStatus to) {
        QuarkusTransaction.requiringNew()
                .run(() -> ChainTransaction.update(
                        "status = ?1, updatedAt = ?2 where id = ?3 and status = ?4", to, clock.instant(), tx.id, from));
        tx.status = to;
    }

    /** Records a mined transaction that did not do what it was sent for, with the reason. */
    private void failed(ChainTransaction tx, TransactionReceipt receipt, long block, String reason) {
        QuarkusTransaction.requiringNew()
                .run(() -> ChainTransaction.update(
                        "status = ?1, blockNumber = ?2, blockHash = ?3, gasUsed = ?4, failureReason = ?5, "
                                + "updatedAt = ?6 where id = ?7 and status in ?8",
                        TxStatus.FAILED,
                        block,
                        receipt.getBlockHash(),
                        receipt.getGasUsed(),
                        reason,
                        clock.instant(),
                        tx.id,
                        List.of(TxStatus.REQUESTED, TxStatus.SENT)));
    }

    private static String truncate(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 500);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainException("interrupted while waiting for a transaction", e);
        }
    }
}
