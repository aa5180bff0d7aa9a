package dev.artmint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
