package dev.artmint.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.artmint.diffusion.cli.GenerateCommand;
import dev.artmint.platform.localstack.LocalStack;
import dev.artmint.platform.localstack.LocalStackSettings;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Starts ArtMint ({@code generate ...} renders images from the command line instead): first the parts of the embedded local stack that have no external address configured,
 * then the Quarkus application pointed at them; on exit the application stops before its parts do.
 */
@QuarkusMain
public final class ArtMintMain {

    private ArtMintMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        LocalStackSettings settings = LocalStackSettings.fromConfig(launchConfig());
        if (!settings.startsAnything()) {
            Quarkus.run(args);
            return;
        }
        LocalStack stack = LocalStack.start(settings);
        stack.configuration().forEach(System::setProperty);
        if (System.getProperty("quarkus.http.host") == null && System.getenv("QUARKUS_HTTP_HOST") == null) {
            // the local stack listens on loopback only, and so does the application in front of it
            System.setProperty("quarkus.http.host", "127.0.0.1");
        }
        System.setProperty(LocalStackBanner.STARTED_PROPERTY, "true");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // the parts outlive the application, so that it can finish its work and close its connections
            Application application = ApplicationLifecycleManager.getCurrentApplication();
            if (application != null) {
                application.awaitShutdown();
            }
            stack.close();
        }, "local-stack-shutdown"));
        Quarkus.run(args);
    }

    /**
     * The configuration as the application will see it (system properties, environment, application.properties,
     * config/application.properties, the active profile), read before Quarkus starts.
     */
    private static SmallRyeConfig launchConfig() {
        String profile = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .addSystemSources();
        try {
            URL packaged = ArtMintMain.class.getResource("/application.properties");
            if (packaged != null) {
                builder.withSources(new PropertiesConfigSource(packaged, 250));
            }
            Path local = Path.of("config/application.properties");
            if (Files.isRegularFile(local)) {
                builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties: " + e.getMessage(), e);
        }
        return builder.build();
    }
}
