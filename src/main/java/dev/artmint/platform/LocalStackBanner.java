package dev.artmint.platform;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.artmint.chain.ChainConfig;
import dev.artmint.storage.StorageConfig;
import io.quarkus.runtime.StartupEvent;

/** Tells the person who ran the start command where everything is and how to log in, once the platform is up. */
@Singleton
final class LocalStackBanner {

    static final String STARTED_PROPERTY = "artmint.local.started";
    private static final Logger LOG = Logger.getLogger(LocalStackBanner.class);

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = STARTED_PROPERTY, defaultValue = "false") boolean localStack,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> identityProvider,
            StorageConfig storage, ChainConfig chain, PlatformConfig platform) {
        if (!localStack) {
            return;
        }
        String app = "http://localhost:" + port;
        LOG.info(String.join("\n",
                "",
                "ArtMint is running",
                "  app              " + app,
                "  API docs         " + app + "/q/swagger-ui   (OpenAPI at " + app + "/q/openapi)",
                "  readiness        " + app + "/q/health/ready",
                "  identity (OIDC)  " + identityProvider.orElse("-"),
                "  object store S3  " + storage.endpoint(),
                "  chain JSON-RPC   " + chain.rpcUrl() + "   (chain id 31337)",
                "  data directory   " + platform.dataDir().toAbsolutePath(),
                "  demo logins      ada/ada (creator, collector)   bo/bo (collector)   admin/admin (admin)",
                "Press Ctrl-C to stop everything."));
    }
}
