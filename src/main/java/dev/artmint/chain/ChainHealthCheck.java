package dev.artmint.chain;

import dev.artmint.platform.health.DiagnosablePart;
import dev.artmint.platform.health.PartDiagnosis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the chain node, with its chain id and latest block; its address and errors for admins only. */
@Readiness
@ApplicationScoped
class ChainHealthCheck implements HealthCheck, DiagnosablePart {

    private static final String NAME = "chain";

    private final ChainNode node;

    ChainHealthCheck(ChainNode node) {
        this.node = node;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME);
        try {
            return response.up()
                    .withData("chainId", node.chainId())
                    .withData("latestBlock", node.latestBlock().longValueExact())
                    .build();
        } catch (ChainException e) {
            return response.down().withData("error", "the node does not answer").build();
        }
    }

    @Override
    public PartDiagnosis diagnose() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rpcUrl", node.rpcUrl());
        try {
            details.put("chainId", node.chainId());
            details.put("latestBlock", node.latestBlock().longValueExact());
            return new PartDiagnosis(NAME, true, details);
        } catch (ChainException e) {
            details.put("error", e.getMessage());
            return new PartDiagnosis(NAME, false, details);
        }
    }
}
