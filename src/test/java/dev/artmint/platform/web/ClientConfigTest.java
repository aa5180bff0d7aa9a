package dev.artmint.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.artmint.platform.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ClientConfigTest {

    @Test
    void anyoneGetsWhatTheWebAppNeedsToSignInAndNothingMore() {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        given().get("/api/config")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("$", aMapWithSize(4))
                .body("oidc", aMapWithSize(2))
                .body("oidc.url", equalTo(issuer))
                .body("oidc.clientId", equalTo("artmint-web"))
                .body("chainId", equalTo(31337))
                .body("explorerTxUrl", nullValue())
                .body("platformFeeBps", equalTo(250));
    }
}
