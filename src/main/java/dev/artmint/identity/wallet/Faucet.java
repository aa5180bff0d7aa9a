package dev.artmint.identity.wallet;

import dev.artmint.chain.ChainTransaction;
import dev.artmint.chain.Outbox;
import dev.artmint.chain.TransactionRequest;
import dev.artmint.platform.limit.RateLimits;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.web3j.crypto.Credentials;

/** Funds custodial wallets from a development account of the local chain; absent wherever no faucet key is set. */
@ApplicationScoped
public class Faucet {

    private final WalletConfig config;
    private final Wallets wallets;
    private final Outbox outbox;
    private final RateLimits limits;

    Faucet(WalletConfig config, Wallets wallets, Outbox outbox, RateLimits limits) {
        this.config = config;
        this.wallets = wallets;
        this.outbox = outbox;
        this.limits = limits;
    }

    /** Sends the faucet's amount to the user's custodial wallet, at most as often as the faucet's rate limit allows. */
    public ChainTransaction fund(UUID userId) {
        String key = config.faucet()
                .key()
                .orElseThrow(() -> Refusal.of(ProblemType.NOT_FOUND, "there is no faucet on this chain"));
        limits.acquire(userId, RateLimits.Action.FAUCET);
        Wallet wallet = wallets.custodial(userId);
        return outbox.submit(new TransactionRequest(
                "faucet:" + UUID.randomUUID(),
                Credentials.create(key),
                wallet.address,
                config.faucet().amount(),
                "0x"));
    }
}
