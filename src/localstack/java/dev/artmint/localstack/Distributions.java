package dev.artmint.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions of the distributions the build unpacked for the local stack (written by the Maven build). */
final class Distributions {

    private static final String RESOURCE = "/local-stack/distributions.properties";

    private Distributions() {}

    static String keycloakVersion() {
        Properties versions = new Properties();
        try (InputStream in = Distributions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions.getProperty("keycloak.version");
    }
}
