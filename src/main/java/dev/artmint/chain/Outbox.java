package dev.artmint.chain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
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

    private final ChainNode node;
    private final ChainConfig config;
    private final EntityManager entityManager;
    // signers whose nonce row exists; the row, not this set, is what assigns nonces
    private final Set<String> knownSigners = ConcurrentHashMap.newKeySet();

    Outbox(ChainNode node, ChainConfig config, EntityManager entityManager) {
        this.node = node;
        this.config = config;
        this.entityManager = entityManager;
    }

    /**
     * Signs, records and sends a transaction; a request whose idempotency key is known returns the recorded one. A call
     * that would revert is refused with {@link TransactionRevertedException} before anything is recorded.
     */
    public ChainTransaction submit(TransactionRequest request) {
        Optional<ChainTransaction> known = find(request.idempotencyKey());
        if (known.isPresent()) {
            return known.get();
        }
        String from = request.signer().getAddress();
        BigInteger gasLimit = gasLimit(from, request.to(), request.value(), request.data());
        ChainNode.Fees fees = node.fees();
        if (!knownSigners.contains(from)) {
            // the first transaction of a signer starts its sequence where the chain has it
            BigInteger chainNonce = node.pendingNonce(from);
            QuarkusTransaction.requiringNew().run(() -> startSequence(from, chainNonce));
            knownSigners.add(from);
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
        RawTransaction raw = RawTransaction.createTransaction(
                node.chainId(),
                BigInteger.valueOf(nonce),
                gasLimit,
                request.to() == null ? "" : request.to(),
                request.value(),
                request.data(),
                fees.maxPriorityFeePerGas(),
                fees.maxFeePerGas());
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, request.signer()));
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
        tx.createdAt = Instant.now();
        tx.updatedAt = tx.createdAt;
        tx.persist();
        entityManager
                .createNativeQuery("update chain_nonce set next_nonce = ?2 where signer = ?1")
                .setParameter(1, signer)
                .setParameter(2, nonce + 1)
                .executeUpdate();
        return tx;
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
                Optional<TransactionReceipt> receipt = node.receipt(tx.hash);
                if (receipt.isPresent()) {
                    mined(tx, receipt.get());
                } else if (!node.knows(tx.hash)) {
                    // the node dropped it from its pool; the same signed bytes can only ever execute once
                    send(tx);
                }
            }
            case MINED -> confirmOrReopen(tx);
            case CONFIRMED, FAILED -> {}
        }
    }

    private void send(ChainTransaction tx) {
        try {
            switch (node.sendRaw(tx.rawTransaction)) {
                case ACCEPTED -> transition(tx, TxStatus.REQUESTED, TxStatus.SENT);
                case NONCE_USED -> {
                    Optional<TransactionReceipt> receipt = node.receipt(tx.hash);
                    if (receipt.isPresent()) {
                        transition(tx, TxStatus.REQUESTED, TxStatus.SENT);
                        mined(tx, receipt.get());
                    } else {
                        fail(
                                tx,
                                "nonce " + tx.nonce + " of " + tx.signer
                                        + " was used by a transaction sent outside the outbox");
                    }
                }
            }
        } catch (ChainException e) {
            // stays REQUESTED: the follow-up sends the same bytes again
            LOG.warnf("outbox: sending %s failed for now: %s", tx.hash, e.getMessage());
        }
    }

    private void mined(ChainTransaction tx, TransactionReceipt receipt) {
        long block = receipt.getBlockNumber().longValueExact();
        if (!receipt.isStatusOK()) {
            String reason = node.revertReason(tx.signer, tx.to, tx.value, tx.data, block);
            QuarkusTransaction.requiringNew()
                    .run(() -> ChainTransaction.update(
                            "status = ?1, blockNumber = ?2, blockHash = ?3, gasUsed = ?4, failureReason = ?5, "
                                    + "updatedAt = ?6 where id = ?7 and status in ?8",
                            TxStatus.FAILED,
                            block,
                            receipt.getBlockHash(),
                            receipt.getGasUsed(),
                            truncate(reason),
                            Instant.now(),
                            tx.id,
                            List.of(TxStatus.REQUESTED, TxStatus.SENT)));
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
                        Instant.now(),
                        tx.id,
                        List.of(TxStatus.REQUESTED, TxStatus.SENT)));
        tx.status = TxStatus.MINED;
        tx.blockNumber = block;
        tx.blockHash = receipt.getBlockHash();
        confirmOrReopen(tx);
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
                            Instant.now(),
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
                        Instant.now(),
                        tx.id,
                        tx.status));
    }

    private static void transition(ChainTransaction tx, TxStatus from, TxStatus to) {
        QuarkusTransaction.requiringNew()
                .run(() -> ChainTransaction.update(
                        "status = ?1, updatedAt = ?2 where id = ?3 and status = ?4", to, Instant.now(), tx.id, from));
        tx.status = to;
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
