package dev.artmint.localstack;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/** Tells the person who ran the start command where everything is and how to log in, once the platform is up. */
final class Banner {

    private static final Logger LOG = Logger.getLogger(Banner.class);

    private Banner() {}

    /** @param stack the configuration the stack gave the service; the rest is configured for it */
    static void print(Map<String, String> stack, Config config, LocalStackSettings settings) {
        String app = "http://localhost:" + LocalStackSettings.httpPort(config);
        LOG.info(String.join(
                "\n",
                "",
                "ArtMint is running",
                "  app              " + app,
                "  API docs         " + app + "/q/swagger-ui   (OpenAPI at " + app + "/q/openapi)",
                "  readiness        " + app + "/q/health/ready",
                "  identity (OIDC)  " + address("quarkus.oidc.auth-server-url", stack, config),
                "  object store S3  " + address("artmint.storage.endpoint", stack, config),
                "  chain JSON-RPC   " + address("artmint.chain.rpc-url", stack, config) + "   (chain id 31337)",
                "  data directory   " + settings.dataDir().toAbsolutePath(),
                "  demo logins      ada/ada (creator, collector)   bo/bo (collector)   admin/admin (admin)",
                "Press Ctrl-C to stop everything."));
    }

    private static String address(String key, Map<String, String> stack, Config config) {
        return Optional.ofNullable(stack.get(key))
                .or(() -> config.getOptionalValue(key, String.class))
                .orElse("-");
    }
}
