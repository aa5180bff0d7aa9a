package dev.artmint.market;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the marketplace settles purchases and how much gas it reserves for the transactions it sends. */
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
}
