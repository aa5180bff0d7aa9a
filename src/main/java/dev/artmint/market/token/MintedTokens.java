package dev.artmint.market.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Minting;
import dev.artmint.chain.TokenOwnership;
import dev.artmint.chain.TxStatus;
import dev.artmint.market.MarketConfig;
import dev.artmint.storage.ObjectStore;
import dev.artmint.studio.artwork.Artwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Which artworks are tokens, and their metadata documents: served from the artwork and its provenance, and kept in the
 * object store under {@code tokens/<tokenId>.json} from the moment the mint is sent.
 */
@ApplicationScoped
public class MintedTokens {

    private static final String JSON = "application/json";

    private final TokenOwnership ownership;
    private final Minting minting;
    private final ObjectStore store;
    private final ObjectMapper json;
    private final MarketConfig config;

    MintedTokens(TokenOwnership ownership, Minting minting, ObjectStore store, ObjectMapper json, MarketConfig config) {
        this.ownership = ownership;
        this.minting = minting;
        this.store = store;
        this.json = json;
        this.config = config;
    }

    /** The artwork whose provenance hash is this token id, whether minted or not. */
    public Optional<Artwork> artworkOf(BigInteger tokenId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Artwork.<Artwork>find("tokenId", tokenId).firstResultOptional());
    }

    /** Whether the token exists: the indexer saw it, or its mint is confirmed and the indexer has not caught up. */
    public boolean exists(BigInteger tokenId) {
        return indexedOwner(tokenId).isPresent()
                || minting.mintOf(tokenId)
                        .filter(tx -> tx.status == TxStatus.CONFIRMED)
                        .isPresent();
    }

    /** The mint transaction of a token that was minted or is being minted, as far as the platform knows. */
    public Optional<ChainTransaction> mintInFlightOrDone(BigInteger tokenId) {
        return minting.mintOf(tokenId).filter(tx -> tx.status != TxStatus.FAILED);
    }

    public Optional<String> indexedOwner(BigInteger tokenId) {
        return QuarkusTransaction.requiringNew().call(() -> ownership.ownerOf(tokenId));
    }

    /** The metadata document of a minted token of a published, visible artwork, as the bytes served and stored. */
    public Optional<byte[]> metadata(BigInteger tokenId) {
        return artworkOf(tokenId)
                .filter(artwork -> artwork.published && !artwork.hidden)
                .filter(artwork -> exists(tokenId))
                .map(this::document);
    }

    byte[] document(Artwork artwork) {
        try {
            return json.writeValueAsBytes(TokenMetadata.of(artwork, config.publicUrl()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("token metadata always serialises", e);
        }
    }

    void store(Artwork artwork) {
        store.putAt(objectKey(artwork.tokenId), document(artwork), JSON);
    }

    void forget(BigInteger tokenId) {
        store.delete(objectKey(tokenId));
    }

    /** Where a token's metadata document is kept in the object store. */
    public static String objectKey(BigInteger tokenId) {
        return "tokens/" + tokenId + ".json";
    }
}
