package dev.artmint.chain;

/** Where a transaction of the outbox stands. */
public enum TxStatus {
    /** signed with its nonce and recorded, not yet accepted by the node */
    REQUESTED,
    /** accepted by the node, waiting to be mined */
    SENT,
    /** in a block, not yet deep enough to be final */
    MINED,
    /** deep enough under the configured confirmations */
    CONFIRMED,
    /** mined but reverted, or never executable; see the failure reason */
    FAILED;

    public boolean isFinal() {
        return this == CONFIRMED || this == FAILED;
    }
}
