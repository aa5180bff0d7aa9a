package dev.artmint.chain;

import java.math.BigInteger;
import java.util.Objects;
import org.web3j.crypto.Credentials;

/**
 * A transaction for the outbox: who signs it, the call, and a key that makes asking twice return the first one. A null
 * {@code to} deploys a contract.
 */
public record TransactionRequest(String idempotencyKey, Credentials signer, String to, BigInteger value, String data) {

    public TransactionRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(data, "data");
    }

    public static TransactionRequest call(String idempotencyKey, Credentials signer, String to, String data) {
        return new TransactionRequest(idempotencyKey, signer, to, BigInteger.ZERO, data);
    }

    /** Named by its key and addresses only: nothing derived from the signer's key material reaches a log. */
    @Override
    public String toString() {
        return "TransactionRequest[" + idempotencyKey + " from " + signer.getAddress() + " to " + to + "]";
    }
}
