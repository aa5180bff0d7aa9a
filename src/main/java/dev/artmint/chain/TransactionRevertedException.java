package dev.artmint.chain;

/** The node says a transaction would revert, or did; the message names the contract's error where it can. */
public class TransactionRevertedException extends ChainException {

    public TransactionRevertedException(String reason) {
        super(reason);
    }
}
