package dev.artmint.chain;

/** Addresses with a meaning of their own on every chain. */
public final class Addresses {

    /** The zero address: the {@code from} of a mint, the {@code to} of a burn, and "nobody" in contract storage. */
    public static final String ZERO = "0x0000000000000000000000000000000000000000";

    private Addresses() {}
}
