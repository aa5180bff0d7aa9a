package dev.artmint.chain;

import java.time.Instant;
import java.util.UUID;

/** A transaction of the outbox as the API shows it. */
public record TransactionView(
        UUID id,
        String hash,
        TxStatus status,
        String from,
        String to,
        long nonce,
        Long blockNumber,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    public static TransactionView of(ChainTransaction tx) {
        return new TransactionView(
                tx.id,
                tx.hash,
                tx.status,
                tx.signer,
                tx.to,
                tx.nonce,
                tx.blockNumber,
                tx.failureReason,
                tx.createdAt,
                tx.updatedAt);
    }
}
