package dev.artmint.localstack;

import io.smallrye.config.SmallRyeConfig;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;

/**
 * Where the local stack keeps its data, where its parts are installed, their ports, the web app's origin (the only one,
 * with Vite's dev server, that the local realm lets sign in), and which parts to start: a part whose external address
 * is configured is not started.
 */
public record LocalStackSettings(
        Path dataDir,
        Path distDir,
        Path anvil,
        int postgresPort,
        int objectStorePort,
        int keycloakPort,
        int anvilPort,
        String webOrigin,
        boolean startPostgres,
        boolean startObjectStore,
        boolean startKeycloak,
        boolean startAnvil) {

    /**
     * The settings from the launcher's configuration: the {@code artmint.local.*} keys, and the service's own keys for
     * its data directory, its port and the external addresses that replace parts.
     */
    public static LocalStackSettings fromConfig(Config config) {
        LocalStackConfig local = config.unwrap(SmallRyeConfig.class).getConfigMapping(LocalStackConfig.class);
        return new LocalStackSettings(
                Path.of(config.getOptionalValue("artmint.data-dir", String.class)
                        .orElse("data")),
                Path.of(local.distDir()),
                Path.of(local.anvil()),
                local.postgresPort(),
                local.objectStorePort(),
                local.keycloakPort(),
                local.anvilPort(),
                local.webOrigin().orElse("http://localhost:" + httpPort(config)),
                absent(config, "quarkus.datasource.jdbc.url"),
                absent(config, "artmint.storage.endpoint"),
                absent(config, "quarkus.oidc.auth-server-url"),
                absent(config, "artmint.chain.rpc-url"));
    }

    /** The service's HTTP port, as the service will read it. */
    static int httpPort(Config config) {
        return config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
    }

    public boolean startsAnything() {
        return startPostgres || startObjectStore || startKeycloak || startAnvil;
    }

    Path keycloakHome() {
        return distDir.resolve("keycloak-" + Distributions.keycloakVersion());
    }

    Path s3proxyJar() {
        return distDir.resolve("s3proxy.jar");
    }

    private static boolean absent(Config config, String key) {
        return config.getOptionalValue(key, String.class)
                .filter(value -> !value.isBlank())
                .isEmpty();
    }
}
