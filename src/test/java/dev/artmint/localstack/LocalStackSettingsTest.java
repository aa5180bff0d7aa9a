package dev.artmint.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the launcher starts and on which ports, read from the configuration the service would see. */
class LocalStackSettingsTest {

    @Test
    void startsEveryPartOnTheDefaultPortsWhenNothingIsConfigured() {
        LocalStackSettings settings = LocalStackSettings.fromConfig(config(Map.of()));

        assertEquals(Path.of("data"), settings.dataDir());
        assertEquals(Path.of("target/local-stack"), settings.distDir());
        assertEquals(Path.of("contracts/node_modules/.bin/anvil"), settings.anvil());
        assertEquals(5432, settings.postgresPort());
        assertEquals(9000, settings.objectStorePort());
        assertEquals(8180, settings.keycloakPort());
        assertEquals(8545, settings.anvilPort());
        assertEquals("http://localhost:8080", settings.webOrigin());
        assertTrue(settings.startPostgres()
                && settings.startObjectStore()
                && settings.startKeycloak()
                && settings.startAnvil());
    }

    @Test
    void takesPortsDataDirectoryAndOriginFromTheServiceConfiguration() {
        LocalStackSettings settings = LocalStackSettings.fromConfig(config(Map.of(
                "artmint.data-dir", "target/e2e-stack",
                "quarkus.http.port", "18080",
                "artmint.local.keycloak-port", "18180",
                "artmint.local.postgres-port", "15480")));

        assertEquals(Path.of("target/e2e-stack"), settings.dataDir());
        assertEquals(18180, settings.keycloakPort());
        assertEquals(15480, settings.postgresPort());
        assertEquals("http://localhost:18080", settings.webOrigin());
    }

    @Test
    void aConfiguredAddressReplacesItsPart() {
        LocalStackSettings settings = LocalStackSettings.fromConfig(config(Map.of(
                "artmint.storage.endpoint", "https://minio.example",
                "artmint.chain.rpc-url", "https://rpc.example",
                "quarkus.oidc.auth-server-url", " ")));

        assertFalse(settings.startObjectStore());
        assertFalse(settings.startAnvil());
        assertTrue(settings.startPostgres());
        assertTrue(settings.startKeycloak(), "a blank address counts as none");
    }

    @Test
    void theServiceReadsTheStacksPropertiesFromItsEnvironment() {
        assertEquals("QUARKUS_DATASOURCE_PASSWORD", LocalStackLauncher.environmentName("quarkus.datasource.password"));
        assertEquals(
                "ARTMINT_CHAIN_CONTRACTS_FEE_RECIPIENT",
                LocalStackLauncher.environmentName("artmint.chain.contracts.fee-recipient"));
        assertEquals(
                "QUARKUS_OIDC_AUTH_SERVER_URL", LocalStackLauncher.environmentName("quarkus.oidc.auth-server-url"));
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(LocalStackConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .build();
    }
}
