package dev.artmint.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.localstack.LocalStack;
import dev.artmint.market.MarketApi;
import dev.artmint.platform.InjectLocalStack;
import dev.artmint.platform.LocalStackResource;
import dev.artmint.platform.OutageProbe;
import dev.artmint.platform.Tokens;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The chain node stopped while the platform's mints wait in its pool (automine off), and started again from its state
 * file: the service, not restarted, answers 503 problem documents meanwhile and completes every mint once the node is
 * back, each exactly once (one Transfer event per token, the minter's nonce one further per mint), and the indexer
 * catches up. Fault profile only: it stops a part every test shares.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ChainNodeFaultIT {

    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    @InjectLocalStack
    LocalStack stack;

    @Inject
    WorkerPool workers;

    @Inject
    Outbox outbox;

    @Inject
    Minting minting;

    @Inject
    Contracts contracts;

    @Inject
    TokenOwnership ownership;

    @Test
    void pendingMintsCompleteExactlyOnceAfterTheNodeRestartsFromItsState() {
        List<String> artworks = MarketApi.artworks(workers, 4);
        artworks.forEach(id -> MarketApi.publish(id, 500));
        String wallet = MarketApi.walletAddress("ada");
        String minter = Anvil.account(1).getAddress();
        String collection = contracts.collection();
        OutageProbe probe = new OutageProbe(RestAssured.port);
        Tokens.of("ada");
        try (Anvil anvil = new Anvil()) {
            BigInteger nonceBefore = anvil.nonce(minter, false);
            anvil.setAutomine(false);
            List<Mint> pending = new ArrayList<>();
            for (String artwork : artworks.subList(0, 3)) {
                pending.add(mint(artwork));
            }
            pending.forEach(mint -> assertEquals(TxStatus.SENT, status(mint.tx())));
            assertEquals(nonceBefore.add(BigInteger.valueOf(3)), anvil.nonce(minter, true), "three in the pool");
            assertEquals(nonceBefore, anvil.nonce(minter, false), "none mined yet");

            Instant down = Instant.now();
            stack.stopChainNode();
            Duration outage;
            try {
                Instant until = Instant.now().plus(OUTAGE);
                while (Instant.now().isBefore(until)) {
                    probe.send("wallet", () -> probe.get("/api/me/wallet", "ada"));
                    probe.send("mint", () -> probe.post("/api/artworks/" + artworks.get(3) + "/mint", "ada", "{}"));
                    probe.send("browse", () -> probe.get("/api/market/listings", null));
                    sleep(Duration.ofMillis(250));
                }
            } finally {
                stack.startChainNode();
                outage = Duration.between(down, Instant.now());
            }
            Map<String, Map<Integer, Integer>> during = probe.byStatus();
            Duration slowest = probe.slowest();
            Instant up = Instant.now();
            for (Mint mint : pending) {
                MarketApi.await(() -> status(mint.tx()), status -> status == TxStatus.CONFIRMED, RECOVERY);
            }
            Duration completed = Duration.between(up, Instant.now());

            Mint retried = mint(artworks.get(3));
            MarketApi.await(() -> status(retried.tx()), status -> status == TxStatus.CONFIRMED, RECOVERY);
            pending.add(retried);
            for (Mint mint : pending) {
                assertEquals(1, anvil.transfers(collection, mint.tokenId()).size(), "one Transfer of " + mint);
                assertEquals(wallet, anvil.ownerOnChain(collection, mint.tokenId()));
            }
            assertEquals(
                    nonceBefore.add(BigInteger.valueOf(pending.size())),
                    anvil.nonce(minter, false),
                    "the minter's nonce moved once per mint");
            Instant indexing = Instant.now();
            for (Mint mint : pending) {
                MarketApi.await(
                        () -> QuarkusTransaction.requiringNew().call(() -> ownership.ownerOf(mint.tokenId())),
                        Optional.of(wallet)::equals,
                        RECOVERY);
            }
            Duration indexed = Duration.between(indexing, Instant.now());

            System.out.printf(
                    "ChainNodeFaultIT: node down %d ms; answers during the outage %s, slowest %d ms; the 3 pending"
                            + " mints confirmed %d ms after the restart; indexer caught up %d ms later%n",
                    outage.toMillis(), during, slowest.toMillis(), completed.toMillis(), indexed.toMillis());
            during.forEach((request, statuses) -> statuses.keySet()
                    .forEach(status -> assertTrue(
                            status == 503 || status == 200, request + " answered " + status + " during the outage")));
            assertEquals(Map.of(200, count(during.get("browse"))), during.get("browse"), "browse needs no node");
            assertEquals(Map.of(503, count(during.get("wallet"))), during.get("wallet"));
            assertEquals(Map.of(503, count(during.get("mint"))), during.get("mint"));
            assertTrue(
                    probe.answers().stream()
                            .filter(answer -> answer.status() == 503)
                            .allMatch(OutageProbe.Answer::isProblem),
                    "every 503 is a problem document");
            assertTrue(slowest.compareTo(Duration.ofSeconds(5)) < 0, "slowest answer " + slowest);
        }
    }

    private record Mint(BigInteger tokenId, UUID tx) {}

    private static Mint mint(String artwork) {
        JsonPath accepted = JsonPath.from(RestAssured.given()
                .header("Authorization", Tokens.bearer("ada"))
                .contentType("application/json")
                .body("{}")
                .post("/api/artworks/" + artwork + "/mint")
                .then()
                .statusCode(202)
                .extract()
                .asString());
        return new Mint(
                new BigInteger(accepted.getString("tokenId")), UUID.fromString(accepted.getString("transaction.id")));
    }

    private TxStatus status(UUID tx) {
        return outbox.find(tx).orElseThrow().status;
    }

    private static int count(Map<Integer, Integer> statuses) {
        return statuses.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
