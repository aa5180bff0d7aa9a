package dev.artmint.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Swagger UI is served in dev mode and the tests, and in production only where an operator switches it on. */
@Tag("unit")
class SwaggerUiSettingTest {

    @Test
    void swaggerUiIsOffInProductionUnlessConfiguredOn() throws IOException {
        assertFalse(enabled("prod", Map.of()));
        assertTrue(enabled("prod", Map.of("quarkus.swagger-ui.enable", "true")));
        assertTrue(enabled("dev", Map.of()));
        assertTrue(enabled("test", Map.of()));
    }

    /** As the service reads it: application.properties (ordinal 250) under the environment (300). */
    private static boolean enabled(String profile, Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        Path.of("src/main/resources/application.properties")
                                .toUri()
                                .toURL(),
                        250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
        return config.getValue("quarkus.swagger-ui.enable", Boolean.class);
    }
}
