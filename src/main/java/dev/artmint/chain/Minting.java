package dev.artmint.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * Mints tokens with the platform's minter key through the outbox. A token id is asked for once at a time: a new attempt
 * only after the last one failed, under the next attempt's idempotency key.
 */
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

    /**
     * Records and sends the mint, or returns the transaction of an earlier request for the same token that did not
     * fail; after a failed one it is asked for again.
     */
    public ChainTransaction mint(MintRequest request) {
        Optional<ChainTransaction> last = mintOf(request.tokenId());
        if (last.isPresent() && last.get().status != TxStatus.FAILED) {
            return last.get();
        }
        // concurrent retries compute the same next key, and the outbox answers them with one transaction
        int attempt = last.map(failed -> attemptOf(failed.idempotencyKey) + 1).orElse(1);
        return outbox.submit(TransactionRequest.call(
                idempotencyKey(request.tokenId(), attempt), keys.minter(), contracts.collection(), encode(request)));
    }

    /** The transaction of the latest mint asked for this token, if one was, in whatever state it is. */
    public Optional<ChainTransaction> mintOf(BigInteger tokenId) {
        Optional<ChainTransaction> latest = Optional.empty();
        for (int attempt = 1; ; attempt++) {
            Optional<ChainTransaction> next = outbox.find(idempotencyKey(tokenId, attempt));
            if (next.isEmpty()) {
                return latest;
            }
            latest = next;
        }
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

    /** {@code mint:<tokenId>} for the first attempt, {@code mint:<tokenId>#<n>} for the n-th. */
    static String idempotencyKey(BigInteger tokenId, int attempt) {
        return attempt == 1 ? "mint:" + tokenId : "mint:" + tokenId + "#" + attempt;
    }

    private static int attemptOf(String idempotencyKey) {
        int mark = idempotencyKey.lastIndexOf('#');
        return mark < 0 ? 1 : Integer.parseInt(idempotencyKey.substring(mark + 1));
    }
}
