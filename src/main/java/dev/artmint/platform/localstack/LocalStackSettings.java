package dev.artmint.platform.localstack;

import java.nio.file.Path;

import org.eclipse.microprofile.config.Config;

/**
 * Where the local stack keeps its data, where its parts are installed, their ports, the web app's origin (the only
 * one, with Vite's dev server, that the local realm lets sign in), and which parts to start: a part whose external
 * address is configured is not started.
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

    public static LocalStackSettings fromConfig(Config config) {
        return new LocalStackSettings(
                path(config, "artmint.data-dir", "data"),
                path(config, "artmint.local.dist-dir", "target/local-stack"),
                path(config, "artmint.local.anvil", "contracts/node_modules/.bin/anvil"),
                port(config, "artmint.local.postgres-port", 5432),
                port(config, "artmint.local.object-store-port", 9000),
                port(config, "artmint.local.keycloak-port", 8180),
                port(config, "artmint.local.anvil-port", 8545),
                config.getOptionalValue("artmint.local.web-origin", String.class)
                        .orElse("http://localhost:" + port(config, "quarkus.http.port", 8080)),
                absent(config, "quarkus.datasource.jdbc.url"),
                absent(config, "artmint.storage.endpoint"),
                absent(config, "quarkus.oidc.auth-server-url"),
                absent(config, "artmint.chain.rpc-url"));
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

    private static Path path(Config config, String key, String fallback) {
        return Path.of(config.getOptionalValue(key, String.class).orElse(fallback));
    }

    private static int port(Config config, String key, int fallback) {
        return config.getOptionalValue(key, Integer.class).orElse(fallback);
    }

    private static boolean absent(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank()).isEmpty();
    }
}
