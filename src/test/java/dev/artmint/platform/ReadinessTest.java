package dev.artmint.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.artmint.localstack.LocalStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ReadinessTest {

    @InjectLocalStack
    LocalStack stack;

    @Test
    void readyWithEveryPartListed() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder("database", "object-store", "identity-provider", "chain"))
                .body("checks.status", everyItem(equalTo("UP")))
                .body("checks.find { it.name == 'chain' }.data.chainId", equalTo(31337))
                .body("checks.find { it.name == 'chain' }.data.latestBlock", greaterThanOrEqualTo(0))
                .body("checks.find { it.name == 'object-store' }.data.bucket", equalTo("artmint"));
    }

    @Test
    void anonymousCallersSeeNoAddressOrSecretAndAdminsSeeTheDetails() {
        List<String> addresses = List.of(
                config("quarkus.oidc.auth-server-url"),
                config("artmint.storage.endpoint"),
                config("artmint.chain.rpc-url"),
                config("artmint.storage.secret-key"));
        stack.stopObjectStore();
        try {
            String anonymous = given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .extract()
                    .asString();
            for (String address : addresses) {
                assertFalse(anonymous.contains(address), address + " in " + anonymous);
            }
            assertFalse(anonymous.contains("http"), anonymous);
            given().header("Authorization", Tokens.bearer("admin"))
                    .get("/api/admin/readiness")
                    .then()
                    .statusCode(200)
                    .body("name", containsInAnyOrder("chain", "database", "identity-provider", "object-store"))
                    .body("find { it.name == 'object-store' }.up", equalTo(false))
                    .body("find { it.name == 'object-store' }.details.endpoint", equalTo(addresses.get(1)))
                    .body("find { it.name == 'object-store' }.details.error", notNullValue())
                    .body("find { it.name == 'chain' }.up", equalTo(true))
                    .body("find { it.name == 'chain' }.details.rpcUrl", equalTo(addresses.get(2)))
                    .body("find { it.name == 'identity-provider' }.details.issuer", equalTo(addresses.get(0)));
        } finally {
            stack.startObjectStore();
        }
        awaitReady(Duration.ofSeconds(30));
        for (Map.Entry<String, Integer> caller : Map.of("", 401, "bo", 403).entrySet()) {
            var request = given();
            if (!caller.getKey().isEmpty()) {
                request.header("Authorization", Tokens.bearer(caller.getKey()));
            }
            request.get("/api/admin/readiness")
                    .then()
                    .statusCode(caller.getValue())
                    .contentType("application/problem+json");
        }
    }

    @Test
    void objectStoreOutageTurnsItsCheckDownAndBack() {
        stack.stopObjectStore();
        try {
            given().when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'object-store' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'chain' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'identity-provider' }.status", equalTo("UP"));
        } finally {
            stack.startObjectStore();
        }
        awaitReady(Duration.ofSeconds(30));
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'object-store' }.status", equalTo("UP"));
    }

    @Test
    void unknownApiPathGets404Problem() {
        given().when()
                .get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:artmint:problem:not-found"))
                .body("instance", equalTo("/api/no-such-thing"));
    }

    @Test
    void openApiListsThePublicEndpoints() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/me'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/admin/users'.get", org.hamcrest.Matchers.notNullValue());
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    private static void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (given().get("/q/health/ready").statusCode() != 200
                && Instant.now().isBefore(deadline)) {
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
