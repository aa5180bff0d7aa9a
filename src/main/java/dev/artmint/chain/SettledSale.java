package dev.artmint.chain;

import java.math.BigInteger;

/**
 * What a confirmed sale transaction did, as its events report it: who paid whom how much. Proceeds are the price less
 * royalty and platform fee. A primary sale is a lazy mint by voucher, where the creator is the seller and there is no
 * royalty.
 */
public record SettledSale(
        BigInteger tokenId,
        String seller,
        String buyer,
        BigInteger price,
        String royaltyReceiver,
        BigInteger royalty,
        String feeRecipient,
        BigInteger fee,
        BigInteger sellerProceeds,
        boolean primary,
        String txHash,
        long blockNumber) {}
