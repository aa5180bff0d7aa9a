package dev.artmint.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;

/** ArtMint721's transfers, as calls for a holder's wallet to send. */
@ApplicationScoped
public class TokenCalls {

    private final ChainNode node;
    private final Contracts contracts;

    TokenCalls(ChainNode node, Contracts contracts) {
        this.node = node;
        this.contracts = contracts;
    }

    /** {@code safeTransferFrom(from, to, tokenId)} on the collection, sent by {@code from}, the holder. */
    public ContractCall transfer(String from, String to, BigInteger tokenId) {
        String collection = contracts.collection();
        return new ContractCall(
                collection,
                node.collection(collection).safeTransferFrom(from, to, tokenId).encodeFunctionCall());
    }
}
