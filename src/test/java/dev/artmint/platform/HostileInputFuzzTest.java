package dev.artmint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.identity.Roles;
import dev.artmint.market.MarketApi;
import dev.artmint.studio.job.GenerationJob;
import dev.artmint.studio.job.Generations;
import dev.artmint.studio.job.JobStatus;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI-driven fuzz test: every operation, with hostile path, query, header and body values, as anonymous, an
 * owner, another user and an admin. No case may be answered with a 5xx, nor with a 4xx that is not a problem document.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class HostileInputFuzzTest {

    static final long SEED = 13;

    @TestHTTPResource("/")
    URI base;

    @Inject
    WorkerPool workers;

    @Inject
    Generations generations;

    @Test
    void noHostileRequestGetsA5xxAndEvery4xxIsAProblemDocument() throws Exception {
        try {
            fuzz(base, known(workers), 1_100, 6);
        } finally {
            cancelQueuedJobs(workers, generations);
        }
    }

    /** A published artwork of ada's (the owner), and her handle: ids that get cases past the lookups. */
    static List<String> known(WorkerPool workers) {
        String artwork = MarketApi.artworks(workers, 1).getFirst();
        MarketApi.publish(artwork, 0);
        return List.of(artwork, "ada");
    }

    /** The fuzzer's valid generation requests leave jobs queued; no later test class may find them. */
    static void cancelQueuedJobs(WorkerPool workers, Generations generations) {
        workers.stop();
        List<UUID> waiting = QuarkusTransaction.requiringNew()
                .call(() -> GenerationJob.<GenerationJob>list("status", JobStatus.QUEUED).stream()
                        .map(job -> job.id)
                        .toList());
        waiting.forEach(job -> generations.cancel(job, dev.artmint.identity.Caller.of(null, Roles.ADMIN)));
    }

    /** Runs {@code cases} cases and prints the counts; the counts go into the note. */
    static ApiFuzzer.Result fuzz(URI base, List<String> knownIds, int cases, int parallel) throws Exception {
        ApiFuzzer fuzzer = new ApiFuzzer(
                base,
                Map.of("ada", Tokens.bearer("ada"), "bo", Tokens.bearer("bo"), "admin", Tokens.bearer("admin")),
                knownIds);
        List<ApiFuzzer.Operation> operations = fuzzer.operations();
        assertTrue(operations.size() >= 30, "the OpenAPI document lists the API's operations: " + operations.size());
        long start = System.nanoTime();
        ApiFuzzer.Result result = fuzzer.run(operations, cases, SEED, parallel);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "fuzz: %d cases over %d operations in %.1f s (seed %d); by status %s; failures %d%n",
                result.cases(),
                operations.size(),
                seconds,
                SEED,
                result.byStatus(),
                result.failures().size());
        System.out.println("fuzz: cases by operation " + result.byOperation());
        result.failures().stream().limit(40).forEach(failure -> System.out.println("fuzz failure: " + failure));
        assertEquals(cases, result.cases());
        assertEquals(
                List.of(),
                result.failures().stream().limit(20).toList(),
                result.failures().size() + " cases got a 5xx or a 4xx that is no problem document");
        return result;
    }
}
