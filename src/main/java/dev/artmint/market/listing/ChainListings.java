package dev.artmint.market.listing;

import dev.artmint.chain.ChainNode;
import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.ContractCall;
import dev.artmint.chain.MarketCalls;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.identity.wallet.Wallets;
import dev.artmint.market.MarketConfig;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;

/**
 * The ArtMarket side of MARKET listings: the market's approval, {@code list}, {@code updatePrice} and {@code cancel},
 * each sent from the seller's custodial wallet through the outbox, once the wallet holds the gas.
 */
@ApplicationScoped
class ChainListings {

    private final Wallets wallets;
    private final MarketCalls market;
    private final Outbox outbox;
    private final ChainNode node;
    private final MarketConfig config;

    ChainListings(Wallets wallets, MarketCalls market, Outbox outbox, ChainNode node, MarketConfig config) {
        this.wallets = wallets;
        this.market = market;
        this.outbox = outbox;
        this.node = node;
        this.config = config;
    }

    boolean approved(String seller) {
        return market.approved(seller);
    }

    /** The seller's wallet must hold the gas for this many market transactions, at the current fee quote: else 402. */
    void requireGas(String seller, int transactions) {
        BigInteger needed = node.gasCost(BigInteger.valueOf(config.listingGasLimit() * transactions));
        BigInteger balance = wallets.balance(seller);
        if (balance.compareTo(needed) < 0) {
            throw Refusal.insufficientFunds("paying the gas of listing on the market", needed, balance);
        }
    }

    /** Approves the market for the seller's tokens where it is not yet, then lists; answers the list transaction. */
    UUID list(Listing listing, boolean approved) {
        Optional<String> holder = market.holder(listing.tokenId);
        if (holder.filter(listing.sellerAddress::equalsIgnoreCase).isEmpty()) {
            // the index has not caught up with a transfer yet: nothing goes to the chain
            throw Refusal.of(
                    ProblemType.CONFLICT,
                    "the chain shows the token held by " + holder.orElse("no one") + ", not by " + listing.sellerAddress
                            + "; try again shortly");
        }
        if (!approved) {
            ChainTransaction approval = send(listing, "approve:" + UUID.randomUUID(), market.approveMarket());
            // list() checks the approval when it is estimated, so the approval must be in a block first
            outbox.await(approval.id, tx -> tx.status == TxStatus.CONFIRMED, config.approvalWait());
        }
        return send(listing, "list", market.list(listing.tokenId, listing.priceWei)).id;
    }

    UUID updatePrice(Listing listing, BigInteger price) {
        requireLastConfirmed(listing);
        requireGas(listing.sellerAddress, 1);
        return send(listing, "price:" + UUID.randomUUID(), market.updatePrice(listing.tokenId, price)).id;
    }

    /** The token's holder as the chain has it now, empty when it is not minted. */
    Optional<String> holderOnChain(BigInteger tokenId) {
        return market.holder(tokenId);
    }

    /** The seller of the market's listing of the token as the chain has it now, empty when it holds none. */
    Optional<String> sellerOnChain(BigInteger tokenId) {
        return market.seller(tokenId);
    }

    /**
     * Cancels the seller's listing on the market under the idempotency key; empty when the market holds none of theirs
     * for the token.
     */
    Optional<UUID> cancel(Listing listing, String key) {
        requireLastConfirmed(listing);
        if (market.seller(listing.tokenId)
                .filter(listing.sellerAddress::equalsIgnoreCase)
                .isEmpty()) {
            return Optional.empty();
        }
        requireGas(listing.sellerAddress, 1);
        ContractCall cancel = market.cancel(listing.tokenId);
        return Optional.of(wallets.send(listing.sellerId, key, cancel.to(), BigInteger.ZERO, cancel.data()).id);
    }

    /** A listing changes on-chain only after its previous transaction there is final. */
    private void requireLastConfirmed(Listing listing) {
        Optional<ChainTransaction> last = outbox.find(listing.chainTxId);
        if (last.isPresent() && !last.get().status.isFinal()) {
            throw Refusal.of(
                    ProblemType.CONFLICT,
                    "the listing's last transaction (" + last.get().hash + ") is not confirmed yet; try again shortly");
        }
    }

    private ChainTransaction send(Listing listing, String step, ContractCall call) {
        return wallets.send(
                listing.sellerId, "listing:" + listing.id + ":" + step, call.to(), BigInteger.ZERO, call.data());
    }
}
