package dev.artmint.chain;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the chain node, with its chain id and latest block. */
@Readiness
@ApplicationScoped
class ChainHealthCheck implements HealthCheck {

    private final ChainNode node;

    ChainHealthCheck(ChainNode node) {
        this.node = node;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("chain").withData("rpcUrl", node.rpcUrl());
        try {
            return response.up()
                    .withData("chainId", node.chainId())
                    .withData("latestBlock", node.latestBlock().longValueExact())
                    .build();
        } catch (ChainException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
