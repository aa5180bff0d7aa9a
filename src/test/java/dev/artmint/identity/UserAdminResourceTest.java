package dev.artmint.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class UserAdminResourceTest {

    @Test
    void collectorGets403Problem() {
        given().header("Authorization", Tokens.bearer("bo"))
                .when()
                .get("/api/admin/users")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:forbidden"))
                .body("status", equalTo(403));
    }

    @Test
    void anonymousGets401Problem() {
        given().when()
                .get("/api/admin/users")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:unauthorized"));
    }

    @Test
    void adminListsTheUsersCreatedFromTokens() {
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me")
                .then()
                .statusCode(200);
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/me")
                .then()
                .statusCode(200);
        given().header("Authorization", Tokens.bearer("admin"))
                .when()
                .get("/api/admin/users")
                .then()
                .statusCode(200)
                .body("items.handle", hasItems("ada", "bo", "admin"))
                .body("total", greaterThanOrEqualTo(3))
                .body("page", equalTo(0));
    }

    @Test
    void pageSizeIsBounded() {
        given().header("Authorization", Tokens.bearer("admin"))
                .queryParam("size", 1000)
                .when()
                .get("/api/admin/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:validation"))
                .body("errors[0].field", equalTo("size"));
    }
}
