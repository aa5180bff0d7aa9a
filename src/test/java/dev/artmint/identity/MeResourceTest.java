package dev.artmint.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class MeResourceTest {

    @Test
    void anonymousCallerGets401Problem() {
        given().when()
                .get("/api/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:artmint:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/me"));
    }

    @Test
    void forgedTokenGets401Problem() {
        String token = Tokens.of("ada");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().header("Authorization", "Bearer " + tampered)
                .when()
                .get("/api/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:unauthorized"));
    }

    @Test
    void adaIsCreatedFromHerTokenWithHerRoles() {
        given().header("Authorization", Tokens.bearer("ada"))
                .when()
                .get("/api/me")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("handle", equalTo("ada"))
                .body("displayName", equalTo("Ada Lovelace"))
                .body("roles", containsInAnyOrder("creator", "collector"))
                .body("createdAt", notNullValue());
    }

    @Test
    void theSameUserIsFoundOnLaterRequests() {
        String first = given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        String second = given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
        given().header("Authorization", Tokens.bearer("bo"))
                .get("/api/me")
                .then()
                .body("roles", contains("collector"))
                .body("roles", not(hasItem("admin")));
    }

    @Test
    void profileUpdateIsKept() {
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body("{\"bio\":\"I paint with noise.\"}")
                .when()
                .patch("/api/me")
                .then()
                .statusCode(200)
                .body("bio", equalTo("I paint with noise."));
        given().header("Authorization", Tokens.bearer("ada"))
                .when()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("bio", equalTo("I paint with noise."));
    }

    @Test
    void malformedJsonGets400ProblemAndChangesNothing() {
        String before = given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me")
                .then()
                .extract()
                .path("bio");
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body("{\"bio\": \"unterminated")
                .when()
                .patch("/api/me")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:malformed-request"))
                .body("detail", containsString("not valid JSON"));
        given().header("Authorization", Tokens.bearer("ada"))
                .get("/api/me")
                .then()
                .body("bio", equalTo(before));
    }

    @Test
    void wrongShapeGets400Problem() {
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body("{\"bio\": [1, 2]}")
                .when()
                .patch("/api/me")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:malformed-request"))
                .body("detail", containsString("bio"));
    }

    @Test
    void wrongContentTypeGets415Problem() {
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.TEXT)
                .body("bio=hello")
                .when()
                .patch("/api/me")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:unsupported-media-type"))
                .body("status", equalTo(415));
    }

    @Test
    void invalidFieldsGet400ProblemNamingTheField() {
        given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body("{\"bio\":\"" + "x".repeat(501) + "\"}")
                .when()
                .patch("/api/me")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:validation"))
                .body("errors.field", contains("bio"))
                .body("errors[0].message", containsString("500"));
    }

    @Test
    void unsupportedMethodGets405Problem() {
        given().header("Authorization", Tokens.bearer("ada"))
                .when()
                .delete("/api/me")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:method-not-allowed"));
    }
}
