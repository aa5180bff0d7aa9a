package dev.artmint.identity;

import dev.artmint.platform.health.DiagnosablePart;
import dev.artmint.platform.health.PartDiagnosis;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the OIDC provider: its discovery document answers now, not just at start. Its issuer for admins. */
@Readiness
@ApplicationScoped
class IdentityProviderHealthCheck implements HealthCheck, DiagnosablePart {

    private static final String NAME = "identity-provider";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String issuer;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    IdentityProviderHealthCheck(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.issuer = issuer;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME);
        return problem().isEmpty()
                ? response.up().build()
                : response.down()
                        .withData("error", "the provider does not answer")
                        .build();
    }

    @Override
    public PartDiagnosis diagnose() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("issuer", issuer);
        Optional<String> problem = problem();
        problem.ifPresent(error -> details.put("error", error));
        return new PartDiagnosis(NAME, problem.isEmpty(), details);
    }

    /** What is wrong with the provider's discovery document, if anything. */
    private Optional<String> problem() {
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            int status =
                    http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Optional.empty() : Optional.of("discovery answered HTTP " + status);
        } catch (IOException e) {
            return Optional.of("unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
