package dev.artmint.market.listing;

import dev.artmint.identity.wallet.TokenLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A token with an open MARKET listing (being listed, active or withdrawing) does not leave its wallet: a withdrawal or
 * transfer is refused (409) until the listing is withdrawn and its cancel mined, rather than cancelled on the way, so
 * that the seller decides and no listing is left stale on the market.
 */
@ApplicationScoped
class ListedTokens implements TokenLocks {

    @Override
    public Optional<String> whyHeld(BigInteger tokenId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Listing.openOnMarket(tokenId))
                .map(listing -> "token " + tokenId + " is listed on the market (listing " + listing.id + ", "
                        + listing.status.name().toLowerCase() + "); withdraw the listing first");
    }
}
