package dev.artmint.chain;

import dev.artmint.chain.contracts.ArtMarket;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;

/**
 * ArtMarket's fixed-price listings, as calls for a seller's or buyer's wallet to send and as reads of what the chain
 * holds. Listing works by approval: the owner lets the market move all their tokens once, then lists.
 */
@ApplicationScoped
public class MarketCalls {

    private final ChainNode node;
    private final Contracts contracts;

    MarketCalls(ChainNode node, Contracts contracts) {
        this.node = node;
        this.contracts = contracts;
    }

    /** The token's holder as the chain has it now (the index may lag behind), empty when it is not minted. */
    public Optional<String> holder(BigInteger tokenId) {
        return node.ownerOf(contracts.collection(), tokenId).map(String::toLowerCase);
    }

    /** Whether the market may move the owner's tokens. */
    public boolean approved(String owner) {
        return read(() -> node.collection(contracts.collection())
                .isApprovedForAll(owner, contracts.market())
                .send());
    }

    /** {@code setApprovalForAll(market, true)} on the collection, sent by the owner. */
    public ContractCall approveMarket() {
        String collection = contracts.collection();
        return new ContractCall(
                collection,
                node.collection(collection)
                        .setApprovalForAll(contracts.market(), true)
                        .encodeFunctionCall());
    }

    public ContractCall list(BigInteger tokenId, BigInteger price) {
        return call(market -> market.list(tokenId, price).encodeFunctionCall());
    }

    public ContractCall updatePrice(BigInteger tokenId, BigInteger price) {
        return call(market -> market.updatePrice(tokenId, price).encodeFunctionCall());
    }

    public ContractCall cancel(BigInteger tokenId) {
        return call(market -> market.cancel(tokenId).encodeFunctionCall());
    }

    /** {@code buy(tokenId)}; it is sent with value = the listed price. */
    public ContractCall buy(BigInteger tokenId, BigInteger price) {
        return call(market -> market.buy(tokenId, price).encodeFunctionCall());
    }

    /** The seller of the market's listing of a token, empty when it is not listed there. */
    public Optional<String> seller(BigInteger tokenId) {
        String market = contracts.market();
        // listing() returns (address seller, uint96 price): the seller is the first word's low 20 bytes
        String result = node.call(market, node.market(market).listing(tokenId).encodeFunctionCall())
                .filter(hex -> hex.length() >= 66)
                .orElseThrow(() -> new ChainException("ArtMarket.listing(" + tokenId + ") answered nothing"));
        String seller = "0x" + result.substring(26, 66).toLowerCase();
        return Addresses.ZERO.equals(seller) ? Optional.empty() : Optional.of(seller);
    }

    private ContractCall call(Function<ArtMarket, String> encoder) {
        String market = contracts.market();
        return new ContractCall(market, encoder.apply(node.market(market)));
    }

    private interface Read<T> {
        T send() throws Exception;
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.send();
        } catch (Exception e) {
            throw new ChainException("reading from the chain failed: " + e.getMessage(), e);
        }
    }
}
