package dev.artmint.platform.health;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the database: a pooled connection answers. It stands in for Quarkus's own check, which writes the
 * driver's error (host and port included) into the public answer; that error goes to admins only.
 */
@Readiness
@ApplicationScoped
class DatabaseHealthCheck implements HealthCheck, DiagnosablePart {

    private static final String NAME = "database";
    private static final int TIMEOUT_SECONDS = 2;

    private final AgroalDataSource dataSource;

    DatabaseHealthCheck(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME);
        return problem().isEmpty()
                ? response.up().build()
                : response.down()
                        .withData("error", "the database does not answer")
                        .build();
    }

    @Override
    public PartDiagnosis diagnose() {
        Map<String, Object> details = new LinkedHashMap<>();
        Optional<String> problem = problem();
        problem.ifPresent(error -> details.put("error", error));
        return new PartDiagnosis(NAME, problem.isEmpty(), details);
    }

    private Optional<String> problem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS) ? Optional.empty() : Optional.of("validation failed");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}
