package dev.artmint.localstack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The {@code artmint.local.*} keys: where the local stack's parts are installed and the ports they listen on. */
@ConfigMapping(prefix = "artmint.local")
public interface LocalStackConfig {

    /** Where the build put the Keycloak distribution and S3Proxy. */
    @WithDefault("target/local-stack")
    String distDir();

    /** The Anvil executable (installed by {@code npm ci} in contracts/). */
    @WithDefault("contracts/node_modules/.bin/anvil")
    String anvil();

    @WithDefault("5432")
    int postgresPort();

    @WithDefault("9000")
    int objectStorePort();

    @WithDefault("8180")
    int keycloakPort();

    @WithDefault("8545")
    int anvilPort();

    /**
     * The web app's origin, which the local realm lets sign in; {@code http://localhost:<quarkus.http.port>} if absent.
     */
    Optional<String> webOrigin();
}
