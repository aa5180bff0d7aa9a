package dev.artmint.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A valid token of the realm issued to another client than ArtMint's is refused with 401, never 500. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ForeignTokenTest {

    @Test
    void aTokenForAdminCliGets401ProblemAndTheSameUsersArtMintTokenWorks() {
        String foreign = adminCliToken("ada");
        assertEquals("admin-cli", claim(foreign, "azp"));
        for (String path : new String[] {"/api/me", "/api/me/wallet", "/api/admin/users"}) {
            given().header("Authorization", "Bearer " + foreign)
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
        given().header("Authorization", "Bearer " + adminCliToken("admin"))
                .get("/api/admin/users")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("handle", equalTo("ada"));
    }

    /** A token by the password grant for the realm's built-in admin-cli client, which every realm has. */
    private static String adminCliToken(String user) {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", user)
                .formParam("password", user)
                .post(issuer + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"" + name + "\":\"([^\"]*)\".*", "$1");
    }
}
