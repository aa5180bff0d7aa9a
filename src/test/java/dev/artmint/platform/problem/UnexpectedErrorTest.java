package dev.artmint.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.artmint.platform.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class UnexpectedErrorTest {

    @Test
    void bugGets500ProblemWithReferenceAndNoInternals() {
        given().when()
                .get("/api/test-only/failure")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:internal"))
                .body("detail", containsString("reference"))
                .body(not(containsString("Hidden.java")))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("at dev.artmint")));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }
}
