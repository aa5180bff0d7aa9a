package dev.artmint.market;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.artmint.chain.Anvil;
import dev.artmint.chain.RpcProxy;
import dev.artmint.platform.FaultStack;
import dev.artmint.platform.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The service SIGKILLed around a transaction's send and started again on the same database: between signing and sending
 * (a JSON-RPC proxy holds {@code eth_sendRawTransaction} before the node sees it), after the node took it but before
 * its answer arrived (the proxy holds the answer), and between sending and mining (the node's automine off). Each
 * transaction is a creator's mint through the public API. After recovery every one is CONFIRMED, the chain has one
 * Transfer of each token, from its hash or its replacement's, and the minter's nonce advanced by exactly one each.
 */
class OutboxKillFaultIT {

    private static final Duration WAIT = Duration.ofMinutes(2);

    /** A mint's transaction as the outbox recorded it. */
    private record Recorded(String status, String hash, List<String> replaced) {}

    @Test
    void everyTransactionCompletesOnceAfterTheServiceIsKilledAroundItsSend() throws Exception {
        Instant begin = Instant.now();
        try (FaultStack stack = FaultStack.start(Map.of());
                RpcProxy proxy = new RpcProxy(stack.get("artmint.chain.rpc-url"));
                Anvil anvil = new Anvil(stack.get("artmint.chain.rpc-url"))) {
            Map<String, String> configuration = new HashMap<>(stack.configuration());
            configuration.put("artmint.chain.rpc-url", proxy.url());
            String minter =
                    Credentials.create(stack.get("artmint.chain.minter-key")).getAddress();
            ServiceProcess service = ServiceProcess.start("outbox-kill", configuration, 1);
            Map<String, BigInteger> nonceAdvance = new LinkedHashMap<>();
            Map<String, BigInteger> tokens = new LinkedHashMap<>();
            try {
                List<String> artworks = artworks(stack, service, 4);
                for (String artwork : artworks) {
                    publish(stack, service, artwork);
                }
                // the minter's first transaction, with nothing held
                tokens.put("no fault", tokenId(stack, artworks.get(0)));
                BigInteger nonce = anvil.nonce(minter, false);
                assertEquals(202, mint(stack, service, artworks.get(0)));
                awaitConfirmed(stack, tokens.get("no fault"));
                nonceAdvance.put("no fault", anvil.nonce(minter, false).subtract(nonce));

                for (RpcProxy.Mode hold : List.of(RpcProxy.Mode.HOLD_REQUEST, RpcProxy.Mode.HOLD_ANSWER)) {
                    String fault = hold == RpcProxy.Mode.HOLD_REQUEST
                            ? "killed between signing and sending"
                            : "killed after the node took it, before its answer";
                    String artwork = artworks.get(tokens.size());
                    BigInteger token = tokenId(stack, artwork);
                    tokens.put(fault, token);
                    nonce = anvil.nonce(minter, false);
                    proxy.hold(hold);
                    String baseUrl = service.baseUrl();
                    CompletableFuture<Integer> lost =
                            CompletableFuture.supplyAsync(() -> mint(stack, baseUrl, artwork));
                    proxy.awaitHeld(WAIT);
                    service.kill();
                    proxy.forward();
                    assertTrue(lost.handle((status, e) -> e != null).get(), "the killed service answered the mint");
                    Recorded signed = recorded(stack, token);
                    assertEquals("REQUESTED", signed.status(), fault + ": signed and recorded, never marked sent");
                    assertEquals(
                            hold == RpcProxy.Mode.HOLD_REQUEST ? 0 : 1,
                            transfers(anvil, stack, token).size(),
                            fault + ": what the node had before the restart");
                    service = ServiceProcess.start("outbox-kill", configuration, 1);
                    awaitConfirmed(stack, token);
                    nonceAdvance.put(fault, anvil.nonce(minter, false).subtract(nonce));
                }

                String fault = "killed between sending and mining";
                String artwork = artworks.get(tokens.size());
                BigInteger token = tokenId(stack, artwork);
                tokens.put(fault, token);
                nonce = anvil.nonce(minter, false);
                anvil.setAutomine(false);
                try {
                    assertEquals(202, mint(stack, service, artwork));
                    assertEquals("SENT", recorded(stack, token).status());
                    service.kill();
                    service = ServiceProcess.start("outbox-kill", configuration, 1);
                    assertEquals(0, transfers(anvil, stack, token).size(), "nothing mined while automine was off");
                    anvil.mine();
                } finally {
                    anvil.setAutomine(true);
                }
                awaitConfirmed(stack, token);
                nonceAdvance.put(fault, anvil.nonce(minter, false).subtract(nonce));
            } finally {
                service.kill();
            }

            List<String> figures = new ArrayList<>();
            int doubleSends = 0;
            for (Map.Entry<String, BigInteger> entry : tokens.entrySet()) {
                Recorded tx = recorded(stack, entry.getValue());
                List<Log> transfers = transfers(anvil, stack, entry.getValue());
                doubleSends += Math.max(0, transfers.size() - 1);
                figures.add(String.format(
                        "%s: %s, %d Transfer events, nonce +%s, %d replacements",
                        entry.getKey(),
                        tx.status(),
                        transfers.size(),
                        nonceAdvance.get(entry.getKey()),
                        tx.replaced().size()));
                assertEquals("CONFIRMED", tx.status(), entry.getKey());
                assertEquals(1, transfers.size(), entry.getKey() + ": one Transfer of the token, no double send");
                String minedHash = transfers.getFirst().getTransactionHash();
                assertTrue(
                        minedHash.equals(tx.hash()) || tx.replaced().contains(minedHash),
                        entry.getKey() + ": mined " + minedHash + ", recorded " + tx);
                assertEquals(BigInteger.ONE, nonceAdvance.get(entry.getKey()), entry.getKey() + ": the minter's nonce");
            }
            figures.add("double sends: " + doubleSends + "; wall time "
                    + Duration.between(begin, Instant.now()).toSeconds() + " s");
            figures.forEach(line -> System.out.println("OutboxKillFaultIT: " + line));
            Files.createDirectories(Path.of("target/fault-logs"));
            Files.write(Path.of("target/fault-logs/outbox-kill.txt"), figures);
        }
    }

    /** New artworks of ada's, made by the service's own worker with the tiny fixture model. */
    private static List<String> artworks(FaultStack stack, ServiceProcess service, int count) throws Exception {
        String job = given().baseUri(service.baseUrl())
                .header("Authorization", stack.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("prompt", "a harbour at dawn", "steps", 2, "width", 64, "height", 64, "count", count))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            JsonPath view = given().baseUri(service.baseUrl())
                    .header("Authorization", stack.bearer("ada"))
                    .get("/api/generations/" + job)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if ("SUCCEEDED".equals(view.getString("status"))) {
                return view.getList("artworks", String.class);
            }
            if (Instant.now().isAfter(deadline)
                    || List.of("FAILED", "CANCELLED").contains(view.getString("status"))) {
                fail("the fixture generation did not succeed: " + view.prettify());
            }
            Thread.sleep(200);
        }
    }

    private static void publish(FaultStack stack, ServiceProcess service, String artwork) {
        given().baseUri(service.baseUrl())
                .header("Authorization", stack.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Harbour", "licence", "PERSONAL", "royaltyBps", 500))
                .post("/api/artworks/" + artwork + "/publish")
                .then()
                .statusCode(200);
    }

    private static int mint(FaultStack stack, ServiceProcess service, String artwork) {
        return mint(stack, service.baseUrl(), artwork);
    }

    private static int mint(FaultStack stack, String baseUrl, String artwork) {
        return given().baseUri(baseUrl)
                .header("Authorization", stack.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/artworks/" + artwork + "/mint")
                .statusCode();
    }

    private static BigInteger tokenId(FaultStack stack, String artwork) throws SQLException {
        try (Connection db = stack.database();
                PreparedStatement query = db.prepareStatement("select token_id from artwork where id = ?")) {
            query.setObject(1, UUID.fromString(artwork));
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "artwork " + artwork);
                return row.getBigDecimal(1).toBigIntegerExact();
            }
        }
    }

    private static Recorded recorded(FaultStack stack, BigInteger token) throws SQLException {
        try (Connection db = stack.database();
                PreparedStatement query = db.prepareStatement(
                        "select status, tx_hash, replaced_hashes from chain_tx where idempotency_key = ?")) {
            query.setString(1, "mint:" + token);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return new Recorded("ABSENT", null, List.of());
                }
                List<String> replaced = Stream.of(row.getString(3).split(","))
                        .filter(hash -> !hash.isBlank())
                        .toList();
                return new Recorded(row.getString(1), row.getString(2), replaced);
            }
        }
    }

    private static void awaitConfirmed(FaultStack stack, BigInteger token) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        Recorded tx;
        while (!"CONFIRMED".equals((tx = recorded(stack, token)).status())) {
            if (Instant.now().isAfter(deadline) || "FAILED".equals(tx.status())) {
                fail("the mint of " + token + " did not complete: " + tx);
            }
            Thread.sleep(200);
        }
    }

    private static List<Log> transfers(Anvil anvil, FaultStack stack, BigInteger token) {
        return anvil.transfers(collection(stack), token).stream()
                .map(log -> (Log) ((EthLog.LogObject) log).get())
                .toList();
    }

    /** The collection's address, as the service kept it in its data directory when it deployed the contracts. */
    private static String collection(FaultStack stack) {
        try (Stream<Path> files = Files.list(Path.of(stack.get("artmint.data-dir"), "chain"))) {
            Path file = files.filter(path -> path.getFileName().toString().startsWith("contracts-"))
                    .findFirst()
                    .orElseThrow();
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            return properties.getProperty("collection");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
