package dev.artmint.market.page;

import dev.artmint.market.CreatorRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One keyset page of a creator's profile tab: the tokens they hold, or what happened around them. */
public record CreatorFeedPage<T>(List<T> items, String nextCursor) {

    /**
     * A token a user's custodial wallet holds now; {@code priceWei} is the active listing's, null when not for sale.
     */
    public record Collected(
            UUID artworkId,
            String tokenId,
            String title,
            CreatorRef creator,
            String thumbnail,
            String priceWei,
            long acquiredInBlock) {}

    /**
     * One event: the platform's activity by the user or on their works, and the chain's ownership changes of their
     * works or of tokens to or from their custodial wallet. {@code fromHandle} and {@code toHandle} name custodial
     * wallets' owners; {@code blockNumber} is set for changes read from the chain.
     */
    public record Event(
            String kind,
            Instant at,
            UUID artworkId,
            String title,
            String thumbnail,
            String actor,
            String from,
            String fromHandle,
            String to,
            String toHandle,
            String priceWei,
            String txHash,
            Long blockNumber) {}
}
