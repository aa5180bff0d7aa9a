package dev.artmint.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The local stack of a fault test that runs the service as processes ({@link ServiceProcess}): the same parts and
 * settings as {@link LocalStackResource}, plus the test profile's studio and limit settings the packaged service (prod
 * profile) does not have, and the test's own lines to the database and the identity provider.
 */
public final class FaultStack implements AutoCloseable {

    private final LocalStackResource resource = new LocalStackResource();
    private final Map<String, String> configuration;

    private FaultStack(Map<String, String> overrides) {
        Map<String, String> started = new HashMap<>(resource.start());
        started.put(
                "artmint.data-dir",
                Path.of(started.get("artmint.data-dir")).toAbsolutePath().toString());
        started.put(
                "artmint.studio.models-dir",
                Path.of("src/test/resources/diffusion/models").toAbsolutePath().toString());
        started.put("artmint.studio.default-model", "tiny");
        started.put("artmint.studio.poll-interval", "200ms");
        started.put("artmint.studio.retry-delay", "500ms");
        started.put("artmint.studio.daily-credits", "100000");
        started.put("artmint.limits.generations.requests", "100000");
        started.put("artmint.limits.verifications.requests", "100000");
        started.put("artmint.limits.faucet.requests", "100000");
        started.put("artmint.limits.event-streams.requests", "100000");
        started.put("artmint.limits.queued-jobs-per-user", "100000");
        started.putAll(overrides);
        this.configuration = Map.copyOf(started);
    }

    /** Starts the stack in {@code target/test-stack}; {@code overrides} are the test's own service settings. */
    public static FaultStack start(Map<String, String> overrides) {
        return new FaultStack(overrides);
    }

    /** What every service process of this test gets, with its own port and workers added by {@link ServiceProcess}. */
    public Map<String, String> configuration() {
        return configuration;
    }

    public String get(String key) {
        return configuration.get(key);
    }

    /** The test's own connection to the service's database. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(
                configuration.get("quarkus.datasource.jdbc.url"),
                configuration.get("quarkus.datasource.username"),
                configuration.get("quarkus.datasource.password"));
    }

    /** An Authorization header value for a demo user of the stack's realm. */
    public String bearer(String user) {
        return Tokens.bearer(configuration.get("quarkus.oidc.auth-server-url"), user);
    }

    @Override
    public void close() {
        resource.stop();
    }
}
