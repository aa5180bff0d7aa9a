package dev.artmint.identity.wallet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.artmint.chain.Outbox;
import dev.artmint.market.MarketApi;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.job.WorkerPool;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/**
 * After a journey that signs in, creates and funds wallets, generates, lists, buys and asks for a SIWE nonce, no secret
 * of the running platform is found in any HTTP response it gave, the service's log, the local parts' logs or any column
 * of the database. The secrets are the wallet master key, every custodial wallet's private key, the chain's admin,
 * minter and faucet keys, the object store's secret key, the database password and Keycloak's admin password. The one
 * exception is Anvil's own log, which lists the accounts of its public development mnemonic: throwaway keys.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class SecretLeakTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Path DATA_DIR = Path.of("target/test-stack");

    @Inject
    WorkerPool workers;

    @Inject
    Outbox outbox;

    @Inject
    Wallets wallets;

    @Inject
    AgroalDataSource database;

    private final StringBuilder responses = new StringBuilder();
    private int responseCount;

    @Test
    void noSecretIsInAResponseALogOrTheDatabase() throws Exception {
        Filter capture = (request, response, context) -> {
            var answer = context.next(request, response);
            synchronized (responses) {
                responses.append(answer.getHeaders()).append('\n');
                if (!String.valueOf(answer.getContentType()).startsWith("image/")) {
                    responses.append(answer.asString()).append('\n');
                }
                responseCount++;
            }
            return answer;
        };
        RestAssured.filters(capture);
        try {
            Map<String, List<String>> ids = journey();
            crawl(ids);
        } finally {
            RestAssured.replaceFiltersWith(List.of());
        }
        Map<String, String> secrets = secrets();
        assertTrue(secrets.size() >= 10, "secrets to look for: " + secrets.keySet());
        assertTrue(responseCount >= 100, "responses captured: " + responseCount);

        List<String> found = new ArrayList<>();
        scan("HTTP responses", responses.toString(), secrets, Set.of(), found);
        // Quarkus tests keep the service's log in target/quarkus.log too
        Path serviceLog = Path.of("target/quarkus.log");
        assertTrue(Files.readString(serviceLog).contains("generation worker"), "the service logs to " + serviceLog);
        scan("the service log", Files.readString(serviceLog), secrets, Set.of(), found);
        try (Stream<Path> logs = Files.list(DATA_DIR.resolve("run"))) {
            for (Path log :
                    logs.filter(file -> file.toString().endsWith(".log")).toList()) {
                Set<String> allowed = log.getFileName().toString().equals("anvil.log")
                        ? Set.of("chain admin key", "chain minter key", "faucet key")
                        : Set.of();
                scan(log.toString(), Files.readString(log), secrets, allowed, found);
            }
        }
        scan("the database", databaseText(), secrets, Set.of(), found);
        System.out.printf(
                "secrets: %d secrets looked for in %d responses (%d kB), the logs and the database: %d found%n",
                secrets.size(), responseCount, responses.length() / 1024, found.size());
        assertEquals(List.of(), found);
    }

    /** Where a secret shows; {@code allowed} names the secrets that this place may show. */
    private static void scan(
            String place, String text, Map<String, String> secrets, Set<String> allowed, List<String> found) {
        String folded = text.toLowerCase(Locale.ROOT);
        secrets.forEach((name, value) -> {
            String base = name.replaceFirst(" \\(.*", "");
            if (!allowed.contains(base) && (text.contains(value) || folded.contains(value.toLowerCase(Locale.ROOT)))) {
                found.add(name + " in " + place);
            }
        });
    }

    /** Every secret the running platform holds, in each form it could leak in (hex, base64), by name. */
    private Map<String, String> secrets() throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        String masterKey =
                Files.readString(DATA_DIR.resolve("wallet-master.key")).strip();
        secrets.put("master key (base64)", masterKey);
        secrets.put(
                "master key (hex)", HexFormat.of().formatHex(Base64.getDecoder().decode(masterKey)));
        for (String user : List.of("ada", "bo", "admin")) {
            String address = MarketApi.walletAddress(user);
            byte[] key = Numeric.toBytesPadded(
                    wallets.of(address).orElseThrow().getEcKeyPair().getPrivateKey(), 32);
            secrets.put("wallet key of " + user + " (hex)", HexFormat.of().formatHex(key));
            secrets.put(
                    "wallet key of " + user + " (base64)", Base64.getEncoder().encodeToString(key));
        }
        var config = ConfigProvider.getConfig();
        secrets.put(
                "chain admin key", Numeric.cleanHexPrefix(config.getValue("artmint.chain.admin-key", String.class)));
        secrets.put(
                "chain minter key", Numeric.cleanHexPrefix(config.getValue("artmint.chain.minter-key", String.class)));
        secrets.put("faucet key", Numeric.cleanHexPrefix(config.getValue("artmint.wallet.faucet.key", String.class)));
        secrets.put("object store secret key", config.getValue("artmint.storage.secret-key", String.class));
        secrets.put("database password", config.getValue("quarkus.datasource.password", String.class));
        secrets.put(
                "keycloak admin password",
                Files.readString(DATA_DIR.resolve("keycloak/master-admin-password"))
                        .strip());
        secrets.values().forEach(value -> assertTrue(value.length() >= 16, "a secret worth looking for"));
        return secrets;
    }

    /** Signs in, funds, generates, publishes, lists, buys, asks for a SIWE nonce; answers the ids it made, by kind. */
    private Map<String, List<String>> journey() {
        String artwork = MarketApi.artworks(workers, 1).getFirst();
        MarketApi.publish(artwork, 500);
        String listing = MarketApi.list("ada", artwork, "1000")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MarketApi.fund(outbox, "bo");
        String purchase =
                MarketApi.buy("bo", listing).then().statusCode(202).extract().path("id");
        String tokenId = MarketApi.awaitFinal("bo", purchase).getString("tokenId");
        given().header("Authorization", Tokens.bearer("ada"))
                .post("/api/me/wallet/siwe-nonce")
                .then()
                .statusCode(200);
        List<String> users = new ArrayList<>();
        for (String user : List.of("ada", "bo", "admin")) {
            users.add(given().header("Authorization", Tokens.bearer(user))
                    .get("/api/me")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("id"));
        }
        List<String> everyId = new ArrayList<>(List.of(artwork, listing, purchase));
        everyId.addAll(users);
        return Map.of("id", everyId, "handle", List.of("ada", "bo"), "tokenId", List.of(String.valueOf(tokenId)));
    }

    /** Every GET operation of the OpenAPI document, with each id the journey made, as each caller. */
    private static void crawl(Map<String, List<String>> ids) throws IOException {
        JsonNode paths =
                JSON.readTree(given().get("/q/openapi?format=json").asString()).path("paths");
        List<String> targets = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/api/") && paths.path(path).has("get") && !path.endsWith("/events")) {
                targets.addAll(expand(path, ids));
            }
        });
        assertTrue(targets.size() >= 30, "GET targets: " + targets.size());
        for (String user : List.of("anonymous", "ada", "bo", "admin")) {
            for (String target : targets) {
                var request = given().redirects().follow(false);
                if (!user.equals("anonymous")) {
                    request.header("Authorization", Tokens.bearer(user));
                }
                request.get(target);
            }
        }
    }

    private static List<String> expand(String path, Map<String, List<String>> ids) {
        Matcher parameter = PATH_PARAMETER.matcher(path);
        if (!parameter.find()) {
            return List.of(path);
        }
        List<String> expanded = new ArrayList<>();
        for (String value : ids.getOrDefault(parameter.group(1), List.of("0"))) {
            expanded.addAll(
                    expand(path.substring(0, parameter.start()) + value + path.substring(parameter.end()), ids));
        }
        return expanded;
    }

    /** Every row of every table of the service's schema, as PostgreSQL prints it (bytea as hex). */
    private String databaseText() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(
                    "select table_name from information_schema.tables where table_schema = current_schema() "
                            + "and table_type = 'BASE TABLE'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            assertTrue(tables.contains("wallet"), "tables: " + tables);
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (rows.next()) {
                        text.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
