package dev.artmint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Both realm files give the web client exact addresses, taken from the environment, and no wildcard. */
@Tag("unit")
class RealmFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOCAL_REALM = Path.of("src/localstack/resources/local-stack/artmint-realm.json");
    private static final Path PRODUCTION_REALM = Path.of("docker/keycloak/artmint-realm.json");

    @Test
    void theLocalRealmNamesTheLocalOriginAndViteAndKeepsThePasswordGrantForTests() throws IOException {
        JsonNode client = webClient(Path.of("src/localstack/resources/local-stack/artmint-realm.json"));
        assertEquals(List.of("${ARTMINT_WEB_ORIGIN}/", "http://localhost:5173/"), strings(client.get("redirectUris")));
        assertEquals(List.of("${ARTMINT_WEB_ORIGIN}", "http://localhost:5173"), strings(client.get("webOrigins")));
        assertEquals(
                "${ARTMINT_WEB_ORIGIN}/##http://localhost:5173/",
                client.at("/attributes/post.logout.redirect.uris").asText());
        assertEquals(true, client.get("directAccessGrantsEnabled").asBoolean());
        assertEquals(true, client.get("publicClient").asBoolean());
        assertEquals("S256", client.at("/attributes/pkce.code.challenge.method").asText());
    }

    @Test
    void theProductionRealmNamesThePublicUrlOnly() throws IOException {
        JsonNode client = webClient(Path.of("docker/keycloak/artmint-realm.json"));
        assertEquals(List.of("${ARTMINT_PUBLIC_URL}/"), strings(client.get("redirectUris")));
        assertEquals(List.of("${ARTMINT_PUBLIC_URL}"), strings(client.get("webOrigins")));
        assertEquals(
                "${ARTMINT_PUBLIC_URL}/",
                client.at("/attributes/post.logout.redirect.uris").asText());
        assertEquals(false, client.get("directAccessGrantsEnabled").asBoolean());
        assertFalse(client.toString().contains("*"), "no wildcard anywhere in the client: " + client);
    }

    @Test
    void bothRealmsLockOutGuessersAndAskForLongPasswords() throws IOException {
        for (Path file : List.of(LOCAL_REALM, PRODUCTION_REALM)) {
            JsonNode realm = JSON.readTree(file.toFile());
            assertTrue(realm.get("bruteForceProtected").asBoolean(), file.toString());
            assertEquals(5, realm.get("failureFactor").asInt(), file.toString());
            assertFalse(realm.get("permanentLockout").asBoolean(), file.toString());
            assertEquals(
                    "length(12) and notUsername(undefined) and notEmail(undefined) and passwordHistory(3)",
                    realm.get("passwordPolicy").asText(),
                    file.toString());
        }
    }

    /** README says so: anyone may create an account in production, and gets the collector role only. */
    @Test
    void theProductionRealmIsOpenForSelfRegistrationAsCollectors() throws IOException {
        JsonNode realm = JSON.readTree(PRODUCTION_REALM.toFile());
        assertTrue(realm.get("registrationAllowed").asBoolean());
        assertEquals(
                List.of("offline_access", "uma_authorization", "collector"),
                strings(realm.at("/defaultRole/composites/realm")));
    }

    /**
     * The demo users' passwords are shorter than the policy allows, so the local realm carries them hashed: Keycloak
     * checks the policy on plain-text passwords it imports, not on hashes.
     */
    @Test
    void theLocalDemoPasswordsAreImportedAsHashes() throws IOException {
        for (JsonNode user : JSON.readTree(LOCAL_REALM.toFile()).get("users")) {
            JsonNode credential = user.at("/credentials/0");
            assertFalse(credential.has("value"), user.toString());
            assertTrue(credential.get("credentialData").asText().contains("pbkdf2-sha256"), user.toString());
            assertTrue(credential.get("secretData").asText().contains("\"salt\""), user.toString());
        }
    }

    private static JsonNode webClient(Path realm) throws IOException {
        JsonNode clients = JSON.readTree(realm.toFile()).get("clients");
        return StreamSupport.stream(clients.spliterator(), false)
                .filter(client -> client.get("clientId").asText().equals("artmint-web"))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
