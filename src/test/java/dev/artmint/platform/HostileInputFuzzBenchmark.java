package dev.artmint.platform;

import dev.artmint.studio.job.Generations;
import dev.artmint.studio.job.WorkerPool;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fuzz test at length (-Pbench): 20,000 hostile cases, the same seed, 0 x 5xx and 0 non-problem 4xx. */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class HostileInputFuzzBenchmark {

    @TestHTTPResource("/")
    URI base;

    @Inject
    WorkerPool workers;

    @Inject
    Generations generations;

    @Test
    void twentyThousandHostileCases() throws Exception {
        try {
            HostileInputFuzzTest.fuzz(base, HostileInputFuzzTest.known(workers), 20_000, 8);
        } finally {
            HostileInputFuzzTest.cancelQueuedJobs(workers, generations);
        }
    }
}
