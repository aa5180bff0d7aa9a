package dev.artmint.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.chain.Outbox;
import dev.artmint.chain.TxStatus;
import dev.artmint.market.MarketApi;
import dev.artmint.market.listing.Listing;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ten minutes (or {@code -Dartmint.bench.soak-seconds}) of mixed load against the running platform: browsing and
 * artwork pages, search, generation on a real worker, and a trade loop that sells one artwork by lazy mint and then
 * resells it between two collectors on the market contract. Every 30 s it prints the operations done, the errors (an
 * unexpected status, or a flow that did not finish) and the resident set size of the service's JVM, which the test JVM
 * is, with its heap (used and committed) and, when the run has {@code -XX:NativeMemoryTracking=summary}, the native
 * memory the JVM tracks and the rest of the RSS (what native libraries such as ONNX Runtime allocate themselves, and
 * the allocator's own overhead). Figures go to stdout and {@code target/benchmark/soak.txt}, the native memory
 * summaries after warm-up and at the end to {@code soak-native-memory.txt}; the run fails only on errors.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class SoakBenchmark {

    private static final Duration LENGTH = Duration.ofSeconds(Long.getLong("artmint.bench.soak-seconds", 600));
    private static final Duration SAMPLE = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final List<String> WORDS = List.of("market", "stall", "harbour", "lantern", "月亮", "garden");

    @Inject
    WorkerPool workers;

    @Inject
    Outbox outbox;

    private final Map<String, LongAdder> done = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);

    @Test
    void mixedLoadForTenMinutes() throws Exception {
        List<String> artworks = MarketApi.artworks(workers, 4);
        for (String artwork : artworks) {
            MarketApi.publish(artwork, 500);
        }
        // enough granted credits that the daily allowance never runs out during the run
        given().header("Authorization", Tokens.bearer("admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("credits", 100_000))
                .post("/api/admin/users/" + userId("ada") + "/credits")
                .then()
                .statusCode(200);
        MarketApi.fund(outbox, "ada");
        MarketApi.fund(outbox, "bo");
        workers.start(1);
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<String> table = new ArrayList<>();
        table.add(String.format(
                "%6s %9s %9s %10s %9s %9s %7s %7s %7s %9s",
                "t (s)",
                "rss (MB)",
                "heap (MB)",
                "committed",
                "nmt (MB)",
                "untracked",
                "browse",
                "search",
                "images",
                "trades",
                "errors"));
        List<String> nativeSummaries = new ArrayList<>();
        try {
            List<Future<?>> loops = List.of(
                    load.submit(() -> loop("browse", random -> browse(random, artworks))),
                    load.submit(() -> loop("search", this::search)),
                    load.submit(() -> loop("images", random -> generate())),
                    load.submit(() -> trade(artworks.getFirst())));
            long start = System.nanoTime();
            for (long next = SAMPLE.toNanos(); next <= LENGTH.toNanos(); next += SAMPLE.toNanos()) {
                Thread.sleep(Math.max(0, (start + next - System.nanoTime()) / 1_000_000));
                String nmt = nativeMemorySummary();
                double rss = rssMegabytes();
                double tracked = trackedMegabytes(nmt);
                if (next == WARM_UP.toNanos() || next + SAMPLE.toNanos() > LENGTH.toNanos()) {
                    nativeSummaries.add("at " + next / 1_000_000_000 + " s:\n" + nmt);
                }
                String row = String.format(
                        "%6d %9.1f %9.1f %10.1f %9.1f %9.1f %7d %7d %7d %9d",
                        next / 1_000_000_000,
                        rss,
                        heapMegabytes(),
                        committedHeapMegabytes(),
                        tracked,
                        tracked < 0 ? -1 : rss - tracked,
                        count("browse"),
                        count("search"),
                        count("images"),
                        count("trades"),
                        errors.sum());
                table.add(row);
                System.out.println("soak: " + row);
            }
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            running.set(false);
            load.shutdownNow();
            workers.stop();
        }
        table.add(summary(table));
        table.add("generations refused by the rate limit (429, then waited Retry-After): " + count("limited"));
        firstErrors.forEach(error -> table.add("error: " + error));
        Files.createDirectories(Path.of("target/benchmark"));
        Files.write(Path.of("target/benchmark/soak.txt"), table);
        if (!nativeSummaries.isEmpty() && !nativeSummaries.getFirst().endsWith(":\n")) {
            Files.write(Path.of("target/benchmark/soak-native-memory.txt"), nativeSummaries);
        }
        table.forEach(line -> System.out.println("soak: " + line));
        assertEquals(0, errors.sum(), "errors: " + firstErrors);
    }

    private interface Step {
        void run(Random random) throws Exception;
    }

    private void loop(String name, Step step) {
        Random random = new Random(name.hashCode());
        while (running.get()) {
            try {
                step.run(random);
                done.computeIfAbsent(name, key -> new LongAdder()).increment();
            } catch (Exception | AssertionError e) {
                error(name + ": " + e.getMessage());
            }
        }
    }

    private void browse(Random random, List<String> artworks) {
        String sort = List.of("newest", "price_asc", "price_desc", "popular").get(random.nextInt(4));
        expect(200, given().get("/api/market/listings?sort=" + sort));
        expect(200, given().get("/api/market/artworks/" + artworks.get(random.nextInt(artworks.size()))));
        expect(200, given().get("/api/creators/ada"));
    }

    private void search(Random random) {
        expect(200, given().get("/api/market/listings?q=" + WORDS.get(random.nextInt(WORDS.size()))));
    }

    private void generate() throws InterruptedException {
        Response submitted = given().header("Authorization", Tokens.bearer("ada"))
                .contentType(ContentType.JSON)
                .body(Map.of("prompt", "a lantern over the harbour", "steps", 2, "width", 64, "height", 64))
                .post("/api/generations");
        if (submitted.statusCode() == 429) {
            // the per-user limit is the platform working: wait as told, as a client would
            done.computeIfAbsent("limited", key -> new LongAdder()).increment();
            long waitMillis = 1000L * Long.parseLong(submitted.header("Retry-After"));
            for (long until = System.currentTimeMillis() + waitMillis;
                    running.get() && System.currentTimeMillis() < until; ) {
                Thread.sleep(100);
            }
            return;
        }
        String job = expect(202, submitted).path("id");
        String status = MarketApi.await(
                () -> given().header("Authorization", Tokens.bearer("ada"))
                        .get("/api/generations/" + job)
                        .then()
                        .extract()
                        .<String>path("status"),
                value -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(value),
                WAIT);
        if (!"SUCCEEDED".equals(status)) {
            throw new AssertionError("generation " + job + " ended " + status);
        }
    }

    /** ada sells the artwork by lazy mint to bo; then its holder resells it to the other, round after round. */
    private void trade(String artwork) {
        String seller = "ada";
        String buyer = "bo";
        while (running.get()) {
            try {
                String listing =
                        expect(201, MarketApi.list(seller, artwork, "1000")).path("id");
                UUID listingTx = QuarkusTransaction.requiringNew()
                        .call(() -> Listing.<Listing>findById(UUID.fromString(listing)).chainTxId);
                if (listingTx != null) {
                    outbox.await(listingTx, tx -> tx.status == TxStatus.CONFIRMED, WAIT);
                }
                String purchase = expect(202, MarketApi.buy(buyer, listing)).path("id");
                String status = MarketApi.awaitFinal(buyer, purchase).getString("status");
                if (!"SETTLED".equals(status)) {
                    throw new AssertionError("purchase " + purchase + " ended " + status);
                }
                String holder = buyer;
                MarketApi.await(
                        () -> given().get("/api/market/artworks/" + artwork)
                                .then()
                                .extract()
                                .<String>path("chain.ownerHandle"),
                        holder::equals,
                        WAIT);
                done.computeIfAbsent("trades", key -> new LongAdder()).increment();
                buyer = seller;
                seller = holder;
            } catch (RuntimeException | AssertionError e) {
                error("trade: " + e.getMessage());
                return;
            }
        }
    }

    private static String userId(String user) {
        return given().header("Authorization", Tokens.bearer(user))
                .get("/api/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static Response expect(int status, Response response) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + ", got " + response.statusCode() + ": "
                    + response.asString()
                            .substring(0, Math.min(300, response.asString().length())));
        }
        return response;
    }

    private void error(String message) {
        errors.increment();
        if (firstErrors.size() < 20) {
            firstErrors.add(message);
        }
    }

    private long count(String name) {
        return done.getOrDefault(name, new LongAdder()).sum();
    }

    /** RSS after warm-up (the 2-minute sample) against the last, and the largest. */
    private static String summary(List<String> table) {
        List<Double> rss = table.stream()
                .skip(1)
                .map(row -> Double.parseDouble(row.trim().split("\\s+")[1]))
                .toList();
        if (rss.isEmpty()) {
            return "no sample";
        }
        double warm = rss.get(Math.min((int) (WARM_UP.toSeconds() / SAMPLE.toSeconds()) - 1, rss.size() - 1));
        double last = rss.getLast();
        double max = rss.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(
                "rss after warm-up %.1f MB, last %.1f MB (%.2f x), max %.1f MB (%.2f x)",
                warm, last, last / warm, max, max / warm);
    }

    private static double rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    private static double heapMegabytes() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1_048_576.0;
    }

    private static double committedHeapMegabytes() {
        return Runtime.getRuntime().totalMemory() / 1_048_576.0;
    }

    /**
     * The JVM's Native Memory Tracking summary (what {@code jcmd PID VM.native_memory summary} prints), when the run
     * has {@code -XX:NativeMemoryTracking=summary}; empty otherwise. Memory that native libraries such as ONNX Runtime
     * allocate themselves is not in it: the RSS less its committed total.
     */
    private static String nativeMemorySummary() {
        try {
            Object summary = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "vmNativeMemory",
                            new Object[] {new String[] {"summary"}},
                            new String[] {String[].class.getName()});
            return summary.toString().contains("committed=") ? summary.toString() : "";
        } catch (JMException e) {
            return "";
        }
    }

    /** The committed total of a Native Memory Tracking summary, in MB, or -1 without one. */
    private static double trackedMegabytes(String summary) {
        Matcher total = NMT_TOTAL.matcher(summary);
        return total.find() ? Long.parseLong(total.group(1)) / 1024.0 : -1;
    }
}
