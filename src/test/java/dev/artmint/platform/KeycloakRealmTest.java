package dev.artmint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The imported realm lets the web app sign in from its own origin (the one the local stack was given) and from Vite's
 * dev server, with exactly {@code <origin>/} as redirect URI, and from nowhere else.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class KeycloakRealmTest {

    private static final String DEV_SERVER = "http://localhost:5173";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anAuthorizationRequestIsAcceptedOnlyWithTheAppsExactRedirectUri() {
        String origin = LocalStackResource.WEB_ORIGIN;
        for (String accepted : List.of(origin + "/", DEV_SERVER + "/")) {
            HttpResponse<String> login = get(authorization(accepted));
            assertEquals(200, login.statusCode(), accepted);
            assertTrue(
                    login.body().contains("kc-form-login") || login.body().contains("username"),
                    "the login page for " + accepted);
        }
        for (String refused : List.of(
                origin + "/evil",
                origin + "/studio",
                origin + "/?next=/x",
                DEV_SERVER + "/evil",
                "http://evil.example/",
                "http://localhost:8080.evil.example/")) {
            HttpResponse<String> answer = get(authorization(refused));
            assertEquals(400, answer.statusCode(), refused);
            assertTrue(answer.body().contains("redirect_uri"), refused + ": " + answer.body());
        }
    }

    @Test
    void theTokenEndpointSpeaksCorsOnlyToTheAppsOrigins() {
        for (String origin : List.of(LocalStackResource.WEB_ORIGIN, DEV_SERVER)) {
            HttpResponse<String> token = tokenRequestFrom(origin);
            assertEquals(200, token.statusCode(), token.body());
            assertEquals(Optional.of(origin), token.headers().firstValue("Access-Control-Allow-Origin"), origin);
        }
        HttpResponse<String> foreign = tokenRequestFrom("http://evil.example");
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertFalse(foreign.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    /** The policy holds for new passwords; the demo users, imported with hashed short passwords, still sign in. */
    @Test
    void theDemoUsersSignInDespiteThePasswordPolicy() {
        for (String user : List.of("ada", "bo", "admin")) {
            HttpResponse<String> token = send(HttpRequest.newBuilder(
                            URI.create(issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=artmint-web&username=" + user + "&password=" + user)));
            assertEquals(200, token.statusCode(), user + ": " + token.body());
        }
    }

    @Test
    void signingOutReturnsOnlyToTheApp() {
        for (String back : List.of(LocalStackResource.WEB_ORIGIN + "/", DEV_SERVER + "/")) {
            HttpResponse<String> signedOut = get(logout(back));
            assertEquals(302, signedOut.statusCode(), back);
            assertEquals(Optional.of(back), signedOut.headers().firstValue("Location"), back);
        }
        assertEquals(400, get(logout(LocalStackResource.WEB_ORIGIN + "/evil")).statusCode());
        assertEquals(400, get(logout("http://evil.example/")).statusCode());
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    private static URI authorization(String redirectUri) {
        return URI.create(
                issuer() + "/protocol/openid-connect/auth?client_id=artmint-web&response_type=code&scope=openid"
                        + "&state=matrix&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                        + "&code_challenge_method=S256"
                        + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8));
    }

    private static URI logout(String redirectUri) {
        return URI.create(issuer() + "/protocol/openid-connect/logout?client_id=artmint-web&post_logout_redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> tokenRequestFrom(String origin) {
        return send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=artmint-web&username=bo&password=bo")));
    }

    private static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
