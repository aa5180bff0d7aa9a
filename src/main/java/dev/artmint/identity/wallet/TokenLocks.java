package dev.artmint.identity.wallet;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Why a token may not leave its custodial wallet now (the market implements it: a token with an open MARKET listing
 * stays until the listing is withdrawn), so that the wallet refuses the transfer without knowing about listings.
 */
public interface TokenLocks {

    /** The reason the token must stay, empty when it may go. */
    Optional<String> whyHeld(BigInteger tokenId);
}
