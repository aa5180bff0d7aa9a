package dev.artmint.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * ArtMint721's CREATOR_ROLE, which a voucher's signer must hold. The platform's minter key administers the role, so the
 * platform grants it to a creator's wallet through the outbox, once per address.
 */
@ApplicationScoped
public class CreatorRoles {

    private final ChainNode node;
    private final Contracts contracts;
    private final Outbox outbox;
    private final PlatformKeys keys;

    CreatorRoles(ChainNode node, Contracts contracts, Outbox outbox, PlatformKeys keys) {
        this.node = node;
        this.contracts = contracts;
        this.outbox = outbox;
        this.keys = keys;
    }

    /** Whether the address holds the role now. */
    public boolean holds(String creator) {
        try {
            var collection = node.collection(contracts.collection());
            return collection.hasRole(collection.CREATOR_ROLE().send(), creator).send();
        } catch (Exception e) {
            throw new ChainException("hasRole failed: " + e.getMessage(), e);
        }
    }

    /**
     * The platform's grant of the role to the address: the one recorded earlier, a new one when the address does not
     * hold the role, or empty when it holds it without a grant by the platform. A revoked role is not granted again:
     * revoking it was someone's decision.
     */
    public Optional<ChainTransaction> ensureGranted(String creator) {
        Optional<ChainTransaction> granted = grantOf(creator);
        if (granted.isPresent() || holds(creator)) {
            return granted;
        }
        var collection = node.collection(contracts.collection());
        String data;
        try {
            data = collection
                    .grantRole(collection.CREATOR_ROLE().send(), creator)
                    .encodeFunctionCall();
        } catch (Exception e) {
            throw new ChainException("reading CREATOR_ROLE failed: " + e.getMessage(), e);
        }
        return Optional.of(
                outbox.submit(TransactionRequest.call(key(creator), keys.minter(), contracts.collection(), data)));
    }

    /** The platform's recorded grant to the address, if it made one. */
    public Optional<ChainTransaction> grantOf(String creator) {
        return outbox.find(key(creator));
    }

    private static String key(String creator) {
        return "creator-role:" + creator.toLowerCase();
    }
}
