package dev.artmint.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the OIDC provider: its discovery document answers now, not just at start. */
@Readiness
@ApplicationScoped
class IdentityProviderHealthCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String issuer;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    IdentityProviderHealthCheck(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.issuer = issuer;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("identity-provider").withData("issuer", issuer);
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            int status =
                    http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200
                    ? response.up().build()
                    : response.down()
                            .withData("error", "discovery answered HTTP " + status)
                            .build();
        } catch (IOException e) {
            return response.down()
                    .withData("error", "unreachable: " + e.getMessage())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
