package dev.artmint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.market.MarketApi;
import dev.artmint.market.MarketFixtures;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * 64 concurrent requests of each kind the platform refuses (someone else's artwork or listing, one's own listing, a
 * price out of reach, bad bodies, no sign-in, unknown ids) are all answered 4xx with a problem document: refusals take
 * no lock or connection they could starve each other of. Latencies (p50, p99, max) are printed per kind for the issue's
 * note, not asserted.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ConcurrentRefusalsTest {

    private static final int CONCURRENT = 64;

    @TestHTTPResource("/")
    URI base;

    @Inject
    WorkerPool workers;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** One kind of refused request: who sends it, and what. */
    private record Kind(String name, String who, String method, String path, String body) {}

    @Test
    void sixtyFourConcurrentRefusalsOfEachKindAreAll4xxProblems() throws Exception {
        MarketFixtures fixtures = new MarketFixtures();
        String artwork = fixtures.listable();
        String listing = fixtures.listing();
        String unpublished = MarketApi.artworks(workers, 1).getFirst();
        String nobody = UUID.randomUUID().toString();
        List<Kind> kinds = List.of(
                new Kind(
                        "list another's artwork",
                        "bo",
                        "POST",
                        "/api/listings",
                        "{\"artworkId\":\"" + artwork + "\",\"priceWei\":\"1000\"}"),
                new Kind("buy one's own listing", "ada", "POST", "/api/listings/" + listing + "/purchase", null),
                new Kind("buy out of reach", "bo", "POST", "/api/listings/" + listing + "/purchase", null),
                new Kind(
                        "reprice another's listing", "bo", "PATCH", "/api/listings/" + listing, "{\"priceWei\":\"5\"}"),
                new Kind("withdraw another's listing", "bo", "DELETE", "/api/listings/" + listing, null),
                new Kind(
                        "publish another's artwork",
                        "bo",
                        "POST",
                        "/api/artworks/" + unpublished + "/publish",
                        "{\"title\":\"Mine\",\"licence\":\"PERSONAL\",\"royaltyBps\":0}"),
                new Kind("mint another's artwork", "bo", "POST", "/api/artworks/" + artwork + "/mint", "{}"),
                new Kind(
                        "transfer a token not held",
                        "bo",
                        "POST",
                        "/api/tokens/12345/transfer",
                        "{\"to\":\"0x0000000000000000000000000000000000000001\"}"),
                new Kind(
                        "generate with zero steps",
                        "ada",
                        "POST",
                        "/api/generations",
                        "{\"prompt\":\"a lantern\",\"steps\":0}"),
                new Kind("generate signed out", "anonymous", "POST", "/api/generations", "{\"prompt\":\"a lantern\"}"),
                new Kind("an unknown purchase", "bo", "GET", "/api/purchases/" + nobody, null),
                new Kind(
                        "a malformed SIWE link",
                        "bo",
                        "POST",
                        "/api/me/wallet/links",
                        "{\"message\":\"hello\",\"signature\":\"0x00\"}"));
        Map<String, String> bearers = Map.of("ada", Tokens.bearer("ada"), "bo", Tokens.bearer("bo"));
        List<String> failures = new ArrayList<>();
        List<Long> everyLatency = new ArrayList<>();
        Map<String, String> report = new LinkedHashMap<>();
        for (Kind kind : kinds) {
            List<CompletableFuture<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                answers.add(send(kind, bearers.get(kind.who()), failures));
            }
            Map<Long, Integer> byStatus = new TreeMap<>();
            List<Long> latencies = new ArrayList<>();
            for (CompletableFuture<long[]> answer : answers) {
                long[] statusAndNanos = answer.get();
                byStatus.merge(statusAndNanos[0], 1, Integer::sum);
                latencies.add(statusAndNanos[1]);
            }
            everyLatency.addAll(latencies);
            report.put(kind.name(), byStatus + " " + percentiles(latencies));
        }
        report.forEach((kind, figures) -> System.out.printf("refusals: %-28s %s%n", kind, figures));
        System.out.printf(
                "refusals: all %d requests in %d kinds: %s%n",
                everyLatency.size(), kinds.size(), percentiles(everyLatency));
        assertEquals(CONCURRENT * kinds.size(), everyLatency.size());
        assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " failures");
        assertTrue(report.size() == kinds.size());
    }

    /** Sends one request; answers its status and latency, and notes a failure when it is no 4xx problem. */
    private CompletableFuture<long[]> send(Kind kind, String bearer, List<String> failures) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(kind.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        kind.method(),
                        kind.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(kind.body()));
        if (kind.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        long start = System.nanoTime();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    long nanos = System.nanoTime() - start;
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (response.statusCode() < 400
                            || response.statusCode() >= 500
                            || !type.startsWith("application/problem+json")) {
                        synchronized (failures) {
                            failures.add(kind.name() + ": " + response.statusCode() + " " + type + " "
                                    + response.body()
                                            .substring(
                                                    0,
                                                    Math.min(
                                                            200, response.body().length())));
                        }
                    }
                    return new long[] {response.statusCode(), nanos};
                });
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return String.format(
                "p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6,
                sorted.getLast() / 1e6);
    }
}
