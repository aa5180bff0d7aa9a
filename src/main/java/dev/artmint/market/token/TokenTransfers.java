package dev.artmint.market.token;

import dev.artmint.chain.Addresses;
import dev.artmint.chain.ChainNode;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Contracts;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.market.Activity;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import dev.artmint.studio.artwork.Artwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The owner of a token sends it from their custodial wallet to any address: their own wallet elsewhere, or a friend's.
 */
@ApplicationScoped
public class TokenTransfers {

    private final Wallets wallets;
    private final ChainNode node;
    private final Contracts contracts;
    private final MintedTokens tokens;

    TokenTransfers(Wallets wallets, ChainNode node, Contracts contracts, MintedTokens tokens) {
        this.wallets = wallets;
        this.node = node;
        this.contracts = contracts;
        this.tokens = tokens;
    }

    /**
     * Sends the token and records the transfer as its artwork's activity. The same idempotency key from the same user
     * returns the first request's transaction. Refused when the address cannot hold tokens (400), the token does not
     * exist (404), the caller's custodial wallet does not hold it (403), it is listed on the market (409) or the wallet
     * cannot pay the gas (402).
     */
    public ChainTransaction transfer(UUID userId, BigInteger tokenId, String to, String idempotencyKey) {
        String recipient = to.toLowerCase();
        if (recipient.equals(Addresses.ZERO)) {
            throw Refusal.invalid("to", "the zero address cannot hold tokens; a transfer there would destroy it");
        }
        if (Set.of(contracts.collection().toLowerCase(), contracts.market().toLowerCase())
                .contains(recipient)) {
            throw Refusal.invalid("to", "ArtMint's contracts cannot hold tokens; a transfer there would lose it");
        }
        String key = "transfer:" + userId + ":" + idempotencyKey;
        Optional<ChainTransaction> known = wallets.knownTransfer(userId, tokenId, recipient, key);
        if (known.isPresent()) {
            return known.get();
        }
        String owner = node.ownerOf(contracts.collection(), tokenId)
                .orElseThrow(() -> Refusal.of(ProblemType.NOT_FOUND, "there is no token " + tokenId));
        String wallet = wallets.custodial(userId).address;
        if (!owner.equalsIgnoreCase(wallet)) {
            throw Refusal.of(ProblemType.FORBIDDEN, "token " + tokenId + " is not in your custodial wallet");
        }
        Optional<Artwork> artwork = tokens.artworkOf(tokenId);
        // a token listed on the market is refused by the wallet (409), see ListedTokens
        ChainTransaction tx = wallets.sendToken(userId, tokenId, recipient, key);
        artwork.ifPresent(art -> QuarkusTransaction.requiringNew().run(() -> {
            if (Activity.count("txHash = ?1 and kind = ?2", tx.hash, Activity.Kind.TRANSFERRED) == 0) {
                Activity activity = Activity.record(art.id, Activity.Kind.TRANSFERRED, userId);
                activity.fromAddress = wallet;
                activity.toAddress = recipient;
                activity.txHash = tx.hash;
            }
        }));
        return tx;
    }
}
