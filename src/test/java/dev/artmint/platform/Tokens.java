package dev.artmint.platform;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Access tokens for the demo users, whose password is their user name, and for users a test created in the realm
 * ({@link RealmUsers}), obtained from the real Keycloak by password grant (local realm only).
 */
public final class Tokens {

    // the realm's access tokens live 15 minutes; a test run can be longer
    private static final Duration REUSE_FOR = Duration.ofMinutes(10);
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> PASSWORDS = new ConcurrentHashMap<>();

    private record Token(String value, Instant fetched) {}

    private Tokens() {}

    /** Remembers the password of a user a test created, so that {@link #of} can sign them in. */
    static void remember(String user, String password) {
        PASSWORDS.put(user, password);
    }

    /**
     * A token for a demo user, or for a user whose password a test remembered, from the application's identity
     * provider.
     */
    public static String of(String user) {
        // the application's configuration by this class's loader, not the thread's: a pool's thread (a test's
        // CompletableFuture) has another one, which knows no configuration of the application
        return of(
                ConfigProvider.getConfig(Tokens.class.getClassLoader())
                        .getValue("quarkus.oidc.auth-server-url", String.class),
                user);
    }

    /** A token for a demo user from the realm at {@code issuer}: for services the test started as processes. */
    public static String of(String issuer, String user) {
        return CACHE.compute(
                        issuer + " " + user,
                        (key, token) ->
                                token != null && token.fetched().plus(REUSE_FOR).isAfter(Instant.now())
                                        ? token
                                        : new Token(fetch(issuer, user), Instant.now()))
                .value();
    }

    public static String bearer(String user) {
        return "Bearer " + of(user);
    }

    public static String bearer(String issuer, String user) {
        return "Bearer " + of(issuer, user);
    }

    private static String fetch(String issuer, String user) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "artmint-web")
                .formParam("username", user)
                .formParam("password", PASSWORDS.getOrDefault(user, user))
                .when()
                .post(issuer + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
