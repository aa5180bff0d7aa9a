package dev.artmint.localstack;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The configuration as the service will see it (system properties, environment, the service's packaged
 * application.properties, config/application.properties, the active profile), read before the service starts.
 */
final class LaunchConfig {

    private LaunchConfig() {}

    /**
     * @param serviceJar the service's {@code quarkus-run.jar}; its packaged application.properties is in {@code app/}
     */
    static SmallRyeConfig read(Path serviceJar) {
        String profile = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .addSystemSources()
                .withMapping(LocalStackConfig.class);
        try {
            Optional<PropertiesConfigSource> packaged = packagedProperties(serviceJar);
            packaged.ifPresent(builder::withSources);
            Path local = Path.of("config/application.properties");
            if (Files.isRegularFile(local)) {
                builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties: " + e.getMessage(), e);
        }
        return builder.build();
    }

    /** The application.properties inside the service's application jar (Quarkus' fast-jar layout: app/*.jar). */
    private static Optional<PropertiesConfigSource> packagedProperties(Path serviceJar) throws IOException {
        Path appDir = serviceJar.toAbsolutePath().getParent().resolve("app");
        if (!Files.isDirectory(appDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(appDir)) {
            URL[] jars = files.filter(file -> file.toString().endsWith(".jar"))
                    .map(LaunchConfig::url)
                    .toArray(URL[]::new);
            // no parent: only the service's own jars are searched
            try (URLClassLoader loader = new URLClassLoader(jars, null)) {
                URL found = loader.findResource("application.properties");
                return found == null ? Optional.empty() : Optional.of(new PropertiesConfigSource(found, 250));
            }
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(file.toString(), e);
        }
    }
}
