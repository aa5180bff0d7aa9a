package dev.artmint.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every API endpoint called as anonymous, as the owner of what it touches, as another user and as admin, with the
 * expected status in each cell. The endpoint list comes from the OpenAPI document: an endpoint without a row here,
 * or a row for an endpoint that is gone, fails the test.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class AuthorizationMatrixTest {

    /** Who makes the call. "owner" owns what the endpoint touches; "other" is a different ordinary user. */
    enum Caller {
        ANONYMOUS(null), OWNER("ada"), OTHER("bo"), ADMIN("admin");

        private final String user;

        Caller(String user) {
            this.user = user;
        }

        RequestSpecification request() {
            RequestSpecification request = given();
            return user == null ? request : request.header("Authorization", Tokens.bearer(user));
        }
    }

    /** One row: an endpoint, how to call it, and the status each caller gets. */
    record Row(String method, String path, Function<RequestSpecification, RequestSpecification> prepare,
            int anonymous, int owner, int other, int admin) {

        int expected(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> anonymous;
                case OWNER -> owner;
                case OTHER -> other;
                case ADMIN -> admin;
            };
        }

        String key() {
            return method + " " + path;
        }
    }

    private static final Function<RequestSpecification, RequestSpecification> NO_BODY = request -> request;

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("GET", "/api/me", NO_BODY, 401, 200, 200, 200));
        rows.add(new Row("PATCH", "/api/me", json("{\"bio\":\"matrix\"}"), 401, 200, 200, 200));
        rows.add(new Row("GET", "/api/admin/users", NO_BODY, 401, 403, 403, 200));
        rows.add(new Row("GET", "/api/me/wallet", NO_BODY, 401, 200, 200, 200));
        rows.add(new Row("POST", "/api/me/wallet/siwe-nonce", NO_BODY, 401, 200, 200, 200));
        rows.add(new Row("POST", "/api/me/wallet/links",
                json("{\"message\":\"not a SIWE message\",\"signature\":\"0x00\"}"), 401, 400, 400, 400));
        rows.add(new Row("POST", "/api/me/wallet/withdrawals",
                json("{\"tokenId\":\"1\",\"to\":\"0x00000000000000000000000000000000000000a1\"}"), 401, 409, 409, 409));
        rows.add(new Row("POST", "/api/me/wallet/faucet", NO_BODY, 401, 202, 202, 202));
        return rows;
    }

    private static Function<RequestSpecification, RequestSpecification> json(String body) {
        return request -> request.contentType(ContentType.JSON).body(body);
    }

    @Test
    void everyDocumentedEndpointHasARowAndEveryRowAnEndpoint() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/")) {
                operations.keySet().stream()
                        .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method))
                        .forEach(method -> documented.add(method.toUpperCase() + " " + path));
            }
        });
        Set<String> covered = new TreeSet<>(rows().stream().map(Row::key).toList());
        assertEquals(documented, covered, "the matrix must have exactly one row per documented API endpoint");
    }

    @TestFactory
    Stream<DynamicTest> eachCallerGetsTheExpectedStatus() {
        return rows().stream().flatMap(row -> Stream.of(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                row.key() + " as " + caller,
                () -> {
                    int status = row.prepare().apply(caller.request())
                            .request(row.method(), row.path())
                            .then().extract().statusCode();
                    assertEquals(row.expected(caller), status, row.key() + " as " + caller);
                })));
    }
}
