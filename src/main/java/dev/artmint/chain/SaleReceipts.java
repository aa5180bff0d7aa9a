package dev.artmint.chain;

import dev.artmint.chain.contracts.ArtMarket;
import dev.artmint.chain.contracts.ArtMint721;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Reads the sale out of a mined redeem or buy transaction: its VoucherRedeemed or Sold event, and the fee recipient the
 * contract had at that block (the events carry the fee, not where it went).
 */
@ApplicationScoped
public class SaleReceipts {

    private final ChainNode node;
    private final Contracts contracts;

    SaleReceipts(ChainNode node, Contracts contracts) {
        this.node = node;
        this.contracts = contracts;
    }

    /** The sale a successful transaction of the outbox made; fails when its receipt holds no sale event. */
    public SettledSale of(ChainTransaction tx) {
        TransactionReceipt receipt =
                node.receipt(tx.hash).orElseThrow(() -> new ChainException("the node has no receipt for " + tx.hash));
        long block = receipt.getBlockNumber().longValueExact();
        String collection = contracts.collection();
        String market = contracts.market();
        List<ArtMint721.VoucherRedeemedEventResponse> redeemed = ArtMint721.getVoucherRedeemedEvents(receipt).stream()
                .filter(event -> event.log.getAddress().equalsIgnoreCase(collection))
                .toList();
        if (!redeemed.isEmpty()) {
            var event = redeemed.getFirst();
            ArtMint721 contract = node.collection(collection);
            contract.setDefaultBlockParameter(at(block));
            String feeRecipient =
                    feeRecipient(() -> contract.platformFee().send().component1(), block);
            return new SettledSale(
                    event.tokenId,
                    event.creator.toLowerCase(),
                    event.buyer.toLowerCase(),
                    event.price,
                    null,
                    BigInteger.ZERO,
                    feeRecipient,
                    event.platformFee,
                    event.price.subtract(event.platformFee),
                    true,
                    tx.hash,
                    block);
        }
        List<ArtMarket.SoldEventResponse> sold = ArtMarket.getSoldEvents(receipt).stream()
                .filter(event -> event.log.getAddress().equalsIgnoreCase(market))
                .toList();
        if (!sold.isEmpty()) {
            var event = sold.getFirst();
            ArtMarket contract = node.market(market);
            contract.setDefaultBlockParameter(at(block));
            String feeRecipient =
                    feeRecipient(() -> contract.platformFee().send().component1(), block);
            return new SettledSale(
                    event.tokenId,
                    event.seller.toLowerCase(),
                    event.buyer.toLowerCase(),
                    event.price,
                    event.royaltyReceiver.toLowerCase(),
                    event.royalty,
                    feeRecipient,
                    event.platformFee,
                    event.price.subtract(event.royalty).subtract(event.platformFee),
                    false,
                    tx.hash,
                    block);
        }
        throw new ChainException("transaction " + tx.hash + " emitted neither VoucherRedeemed nor Sold");
    }

    private interface Read {
        String send() throws Exception;
    }

    private static DefaultBlockParameter at(long block) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    }

    private static String feeRecipient(Read read, long block) {
        try {
            return read.send().toLowerCase();
        } catch (Exception e) {
            throw new ChainException("platformFee at block " + block + " failed: " + e.getMessage(), e);
        }
    }
}
