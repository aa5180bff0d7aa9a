package dev.artmint.market;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The marketplace: how purchases settle and how much gas it reserves for the transactions it sends, and how minted
 * tokens describe themselves to wallets and marketplaces.
 */
@ConfigMapping(prefix = "artmint.market")
public interface MarketConfig {

    /** How often open purchases are driven along (their transaction sent, followed, recorded). */
    @WithDefault("1s")
    Duration settleEvery();

    /** Gas reserved for a purchase's redeem or buy when checking the buyer's balance (priced at the max fee). */
    @WithDefault("300000")
    long purchaseGasLimit();

    /** Gas reserved for a market listing's approval, list, updatePrice or cancel when checking the seller's balance. */
    @WithDefault("200000")
    long listingGasLimit();

    /** How long a voucher signed for a purchase stays redeemable. */
    @WithDefault("1h")
    Duration voucherTtl();

    /** How long listing waits for the seller's market approval to be confirmed before it lists. */
    @WithDefault("60s")
    Duration approvalWait();

    /** ArtMint's public address; token metadata links images and artwork pages under it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** How long others may cache a token's metadata document. */
    @WithDefault("60s")
    Duration tokenMetadataMaxAge();
}
