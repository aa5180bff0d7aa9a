package dev.artmint.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its distribution on Maven Central, in dev mode, storing its data in the local PostgreSQL and importing
 * the {@code artmint} realm on first start. The realm file names the web app's origin as {@code ${ARTMINT_WEB_ORIGIN}},
 * which Keycloak fills in from the environment when it imports the realm.
 */
final class KeycloakPart extends ProcessPart {

    static final String REALM = "artmint";
    static final String REALM_RESOURCE = "/local-stack/artmint-realm.json";
    static final String CLIENT_ID = "artmint-web";
    static final String WEB_ORIGIN_VARIABLE = "ARTMINT_WEB_ORIGIN";

    private final Path keycloakHome;
    private final Path stateDir;
    private final int port;
    private final String webOrigin;
    private final PostgresPart postgres;

    KeycloakPart(Path keycloakHome, Path stateDir, Path runDir, int port, String webOrigin, PostgresPart postgres) {
        super("keycloak", runDir);
        this.keycloakHome = keycloakHome;
        this.stateDir = stateDir;
        this.port = port;
        this.webOrigin = webOrigin;
        this.postgres = postgres;
    }

    @Override
    public void start() {
        Path launcher = keycloakHome.resolve("bin/kc.sh");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException(
                    "Keycloak is missing at " + keycloakHome + "; build the project first (./artmint build)");
        }
        installRealm();
        launch(
                keycloakHome,
                List.of(
                        launcher.toAbsolutePath().toString(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--db=postgres",
                        "--db-url=" + postgres.jdbcUrl(PostgresPart.KEYCLOAK_DATABASE),
                        "--import-realm"),
                // credentials go through the environment, not the command line that ps shows
                Map.of(
                        "JAVA_HOME",
                        Jvm.home().toString(),
                        "KC_DB_USERNAME",
                        PostgresPart.USER,
                        "KC_DB_PASSWORD",
                        PostgresPart.PASSWORD,
                        "JAVA_OPTS_KC_HEAP",
                        "-Xms64m -Xmx512m",
                        "KC_BOOTSTRAP_ADMIN_USERNAME",
                        "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD",
                        masterAdminPassword(),
                        WEB_ORIGIN_VARIABLE,
                        webOrigin),
                Duration.ofMinutes(4),
                () -> Probe.httpOk(issuer() + "/.well-known/openid-configuration"));
    }

    @Override
    public Map<String, String> configuration() {
        return Map.of("quarkus.oidc.auth-server-url", issuer());
    }

    String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** Keycloak imports every realm file in its import folder unless the realm already exists. */
    private void installRealm() {
        Path importDir = keycloakHome.resolve("data/import");
        try (InputStream realm = KeycloakPart.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException("realm file " + REALM_RESOURCE + " is not on the class path");
            }
            Files.createDirectories(importDir);
            Files.copy(realm, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the realm file: " + e.getMessage(), e);
        }
    }

    /** The master realm's administrator gets a random password, kept (owner-readable only) in the data directory. */
    private String masterAdminPassword() {
        Path file = stateDir.resolve("master-admin-password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(stateDir);
                byte[] secret = new byte[18];
                new SecureRandom().nextBytes(secret);
                Files.writeString(
                        Files.createFile(
                                file,
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                        HexFormat.of().formatHex(secret));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Keycloak admin password: " + e.getMessage(), e);
        }
    }
}
