package dev.artmint.market.token;

import dev.artmint.chain.ChainException;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.MintRequest;
import dev.artmint.chain.Minting;
import dev.artmint.identity.Caller;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.market.Activity;
import dev.artmint.market.listing.Listing;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.Artworks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A creator mints a published artwork to their custodial wallet or to an address they linked. The checks run under the
 * artwork's row lock in a short transaction; the mint is sent after it commits (nothing waits for the chain under a
 * lock); a {@code mint_claim} row taken under the lock refuses a second request for the artwork until then.
 */
@ApplicationScoped
public class TokenMinting {

    /** What "to" says when the token goes to the creator's custodial wallet. */
    public static final String CUSTODIAL = "custodial";

    private static final Duration CLAIM_ABANDONED_AFTER = Duration.ofMinutes(5);

    private final Artworks artworks;
    private final Wallets wallets;
    private final Minting minting;
    private final MintedTokens tokens;
    private final EntityManager entityManager;

    TokenMinting(
            Artworks artworks, Wallets wallets, Minting minting, MintedTokens tokens, EntityManager entityManager) {
        this.artworks = artworks;
        this.wallets = wallets;
        this.minting = minting;
        this.tokens = tokens;
        this.entityManager = entityManager;
    }

    /** A mint on its way: the token id, the outbox transaction and where the token goes. */
    public record Minted(BigInteger tokenId, ChainTransaction transaction, String to) {}

    /**
     * Sends the mint and records it as the artwork's activity. Refused (and nothing kept) when the caller may not see
     * the artwork (404), is not its creator (403), or it is hidden, unpublished, minted or minting already, or listed
     * for a lazy mint, or the address is not the creator's (409), or the chain would revert the call.
     */
    public Minted mint(UUID artworkId, Caller caller, String to) {
        UUID userId = caller.id();
        // the checks under the artwork's row lock, in a short transaction; the chain and the object store after it
        Checked checked = QuarkusTransaction.requiringNew().call(() -> {
            Artwork.findByIdOptional(artworkId, LockModeType.PESSIMISTIC_WRITE);
            Artwork artwork = artworks.readable(artworkId, caller)
                    .orElseThrow(() -> Refusal.of(ProblemType.NOT_FOUND, "no artwork " + artworkId));
            if (!caller.is(artwork.creatorId)) {
                throw Refusal.of(ProblemType.FORBIDDEN, "only the artwork's creator may mint it");
            }
            checkMintable(artwork);
            claim(artwork.id);
            return new Checked(artwork, recipient(userId, to), wallets.custodial(userId).address);
        });
        Artwork artwork = checked.artwork();
        try {
            tokens.store(artwork);
            ChainTransaction tx;
            try {
                // one transaction per token id, and the claim keeps a second request from asking for it meanwhile
                tx = minting.mint(new MintRequest(
                        checked.owner(), artwork.provenanceHash, checked.creatorWallet(), artwork.royaltyBps));
            } catch (ChainException e) {
                tokens.forget(artwork.tokenId);
                throw e;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                Activity activity = Activity.record(artwork.id, Activity.Kind.MINTED, userId);
                activity.toAddress = checked.owner();
                activity.txHash = tx.hash;
            });
            return new Minted(artwork.tokenId, tx, checked.owner());
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager
                            .createNativeQuery("delete from mint_claim where artwork_id = ?1")
                            .setParameter(1, artwork.id)
                            .executeUpdate());
        }
    }

    /**
     * Claims the artwork's mint for this request, under the artwork's row lock: a second request is refused until the
     * mint is in the outbox (then the checks refuse it). A claim older than any request takes was left by a stop.
     */
    private void claim(UUID artworkId) {
        entityManager
                .createNativeQuery("delete from mint_claim where artwork_id = ?1 and claimed_at < ?2")
                .setParameter(1, artworkId)
                .setParameter(2, Instant.now().minus(CLAIM_ABANDONED_AFTER))
                .executeUpdate();
        int claimed = entityManager
                .createNativeQuery(
                        "insert into mint_claim (artwork_id, claimed_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, artworkId)
                .setParameter(2, Instant.now())
                .executeUpdate();
        if (claimed == 0) {
            throw Refusal.of(ProblemType.CONFLICT, "a mint of this artwork is being sent; try again shortly");
        }
    }

    private record Checked(Artwork artwork, String owner, String creatorWallet) {}

    private void checkMintable(Artwork artwork) {
        if (artwork.hidden) {
            throw Refusal.of(ProblemType.CONFLICT, "the artwork is hidden by an administrator and cannot be minted");
        }
        if (!artwork.published || artwork.royaltyBps == null) {
            throw Refusal.of(ProblemType.CONFLICT, "publish the artwork, with its royalty, before minting it");
        }
        if (tokens.indexedOwner(artwork.tokenId).isPresent()) {
            throw Refusal.of(ProblemType.CONFLICT, "the artwork is minted already, as token " + artwork.tokenId);
        }
        tokens.mintInFlightOrDone(artwork.tokenId).ifPresent(tx -> {
            throw Refusal.of(
                    ProblemType.CONFLICT,
                    "the artwork is minted already, as token " + artwork.tokenId + " (transaction " + tx.hash + ", "
                            + tx.status + ")");
        });
        Listing.openFor(artwork.id)
                .filter(listing -> listing.kind == Listing.Kind.LAZY_MINT)
                .ifPresent(listing -> {
                    throw Refusal.of(
                            ProblemType.CONFLICT,
                            "the artwork is listed for sale with a lazy mint; withdraw the listing first");
                });
    }

    /** The custodial wallet, or an address the creator linked (lower-case, as the chain's events name it). */
    private String recipient(UUID userId, String to) {
        if (to == null || CUSTODIAL.equals(to)) {
            return wallets.custodial(userId).address;
        }
        if (!wallets.isLinked(userId, to)) {
            throw Refusal.of(
                    ProblemType.CONFLICT,
                    to + " is not linked to your account; mint to your custodial"
                            + " wallet or link the address with a SIWE signature first");
        }
        return to.toLowerCase();
    }
}
