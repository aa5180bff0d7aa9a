package dev.artmint.identity.wallet;

/** A Sign-In with Ethereum message or its signature was not accepted; the message says why. */
public class SiweRejectedException extends RuntimeException {

    public SiweRejectedException(String reason) {
        super(reason);
    }
}
