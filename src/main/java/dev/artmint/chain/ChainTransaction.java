package dev.artmint.chain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One transaction of the outbox, from its signed request to its confirmation or failure. */
@Entity
@Table(name = "chain_tx")
public class ChainTransaction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "idempotency_key", nullable = false, unique = true)
    public String idempotencyKey;

    @Column(nullable = false)
    public String signer;

    @Column(nullable = false)
    public long nonce;

    @Column(name = "to_address")
    public String to;

    @Column(nullable = false)
    public String data;

    @Column(name = "value_wei", nullable = false)
    public BigInteger value;

    @Column(name = "gas_limit", nullable = false)
    public BigInteger gasLimit;

    @Column(name = "max_fee_per_gas", nullable = false)
    public BigInteger maxFeePerGas;

    @Column(name = "max_priority_fee", nullable = false)
    public BigInteger maxPriorityFeePerGas;

    @Column(name = "raw_tx", nullable = false)
    public String rawTransaction;

    @Column(name = "tx_hash", nullable = false, unique = true)
    public String hash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TxStatus status;

    @Column(name = "block_number")
    public Long blockNumber;

    @Column(name = "block_hash")
    public String blockHash;

    @Column(name = "contract_address")
    public String contractAddress;

    @Column(name = "gas_used")
    public BigInteger gasUsed;

    @Column(name = "failure_reason")
    public String failureReason;

    /** Hashes this transaction had before it was signed again at its nonce, comma-separated, oldest first. */
    @Column(name = "replaced_hashes", nullable = false)
    public String replacedHashes = "";

    /** Set when the transaction was replaced by a zero-value self-transfer that frees its nonce: why. */
    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Every hash this transaction has had, the current one first. */
    public List<String> hashes() {
        List<String> all = new ArrayList<>(List.of(hash));
        if (!replacedHashes.isEmpty()) {
            all.addAll(List.of(replacedHashes.split(",")).reversed());
        }
        return all;
    }

    public static Optional<ChainTransaction> findByKey(String idempotencyKey) {
        return find("idempotencyKey", idempotencyKey).firstResultOptional();
    }

    /** The transactions whose idempotency key starts with this prefix (which holds no % or _), newest nonce first. */
    static List<ChainTransaction> withKeyPrefix(String prefix) {
        return list("idempotencyKey like ?1 order by nonce desc", prefix + "%");
    }

    /** The signer's transactions that are recorded or sent but not yet in a block. */
    static List<ChainTransaction> inFlight(String signer) {
        return list("signer = ?1 and status in ?2", signer, List.of(TxStatus.REQUESTED, TxStatus.SENT));
    }

    /** Transactions the outbox still has to follow, oldest nonce first per signer. */
    static List<ChainTransaction> open() {
        return list("status in ?1 order by signer, nonce", List.of(TxStatus.REQUESTED, TxStatus.SENT, TxStatus.MINED));
    }
}
