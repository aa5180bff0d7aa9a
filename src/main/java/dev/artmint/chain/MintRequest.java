package dev.artmint.chain;

import java.math.BigInteger;
import org.web3j.utils.Numeric;

/** A token to mint: its owner, the artwork's provenance hash (which is also the token id), creator and royalty. */
public record MintRequest(String to, String provenanceHash, String creator, int royaltyBps) {

    public MintRequest {
        if (Numeric.hexStringToByteArray(provenanceHash).length != 32) {
            throw new IllegalArgumentException("a provenance hash is 32 bytes, got " + provenanceHash);
        }
    }

    /** The token id the contract assigns: uint256(provenanceHash). */
    public BigInteger tokenId() {
        return Numeric.toBigInt(provenanceHash);
    }
}
