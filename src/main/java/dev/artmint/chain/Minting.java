package dev.artmint.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.utils.Numeric;

/** Mints tokens with the platform's minter key through the outbox; a token id is only ever asked for once. */
@ApplicationScoped
public class Minting {

    private final Outbox outbox;
    private final Contracts contracts;
    private final PlatformKeys keys;
    private final ChainNode node;

    Minting(Outbox outbox, Contracts contracts, PlatformKeys keys, ChainNode node) {
        this.outbox = outbox;
        this.contracts = contracts;
        this.keys = keys;
        this.node = node;
    }

    /** Records and sends the mint, or returns the transaction of an earlier request for the same token. */
    public ChainTransaction mint(MintRequest request) {
        return outbox.submit(TransactionRequest.call(
                idempotencyKey(request.tokenId()), keys.minter(), contracts.collection(), encode(request)));
    }

    /** The transaction of the mint asked for this token, if one was, in whatever state it is. */
    public Optional<ChainTransaction> mintOf(BigInteger tokenId) {
        return outbox.find(idempotencyKey(tokenId));
    }

    /** The ArtMint721.mint call data for a request. */
    String encode(MintRequest request) {
        return node.collection(contracts.collection())
                .mint(
                        request.to(),
                        Numeric.hexStringToByteArray(request.provenanceHash()),
                        request.creator(),
                        BigInteger.valueOf(request.royaltyBps()))
                .encodeFunctionCall();
    }

    static String idempotencyKey(BigInteger tokenId) {
        return "mint:" + tokenId;
    }
}
