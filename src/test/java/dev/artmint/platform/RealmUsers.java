package dev.artmint.platform;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Users created in the local realm through Keycloak's admin API, signed in as the master realm's administrator whose
 * throwaway password the local stack keeps in its data directory. Their passwords follow the realm's policy, and
 * {@link Tokens} knows them.
 */
public final class RealmUsers {

    private RealmUsers() {}

    /** Creates the user unless it exists, and answers it. */
    public static String create(String username) {
        String password = username + "-Throwaway-1";
        int status = given().header("Authorization", "Bearer " + adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "email",
                        username + "@artmint.test",
                        "emailVerified",
                        true,
                        "firstName",
                        username,
                        "lastName",
                        "Tester",
                        "credentials",
                        List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post(keycloak() + "/admin/realms/artmint/users")
                .statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Keycloak refused to create " + username + ": " + status);
        }
        Tokens.remember(username, password);
        return username;
    }

    private static String adminToken() {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", masterAdminPassword())
                .post(keycloak() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static String keycloak() {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return issuer.substring(0, issuer.indexOf("/realms/"));
    }

    private static String masterAdminPassword() {
        String dataDir = ConfigProvider.getConfig().getValue("artmint.data-dir", String.class);
        try {
            return Files.readString(Path.of(dataDir, "keycloak", "master-admin-password"))
                    .trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
