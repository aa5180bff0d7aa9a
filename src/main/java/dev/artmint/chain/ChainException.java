package dev.artmint.chain;

/** The chain node could not be reached or refused a request. */
public class ChainException extends RuntimeException {

    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
