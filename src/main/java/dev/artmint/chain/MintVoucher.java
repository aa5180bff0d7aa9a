package dev.artmint.chain;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The terms a creator signs so that one buyer can lazily mint their artwork (ArtMint721's EIP-712 {@code Voucher}):
 * only the buyer's address can redeem it. The provenance hash is 0x-prefixed hex of 32 bytes; expiry is Unix seconds.
 */
public record MintVoucher(
        String creator,
        String buyer,
        String provenanceHash,
        BigInteger price,
        int royaltyBps,
        long expiry,
        BigInteger nonce) {

    public MintVoucher {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(provenanceHash, "provenanceHash");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(nonce, "nonce");
    }
}
