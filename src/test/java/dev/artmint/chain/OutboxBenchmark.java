package dev.artmint.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.platform.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** 100 mints pipelined through the outbox against 100 sent and waited for one at a time, on the same Anvil. */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class OutboxBenchmark {

    private static final int MINTS = 100;
    private static final int CALLERS = 16;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    Minting minting;

    @Inject
    Outbox outbox;

    @Inject
    Contracts contracts;

    @Test
    void pipelinedAgainstSendAndWait() throws Exception {
        contracts.collection();
        sendAndWait(10);

        long start = System.nanoTime();
        sendAndWait(MINTS);
        double sequential = seconds(start);

        start = System.nanoTime();
        List<MintRequest> requests = requests(MINTS);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<ChainTransaction>> sent = new ArrayList<>();
            for (MintRequest request : requests) {
                sent.add(callers.submit((Callable<ChainTransaction>) () -> minting.mint(request)));
            }
            for (Future<ChainTransaction> tx : sent) {
                assertEquals(
                        TxStatus.CONFIRMED,
                        outbox.await(tx.get().id, t -> t.status == TxStatus.CONFIRMED, WAIT).status);
            }
        } finally {
            callers.shutdownNow();
        }
        double pipelined = seconds(start);

        System.out.printf("%nOutbox benchmark on Anvil, %d mints each, confirmed:%n", MINTS);
        System.out.printf("  send-and-wait, one at a time : %6.2f s  %6.1f mints/s%n", sequential, MINTS / sequential);
        System.out.printf(
                "  pipelined, %d callers        : %6.2f s  %6.1f mints/s%n", CALLERS, pipelined, MINTS / pipelined);
        System.out.printf("  ratio                        : %6.1fx%n%n", sequential / pipelined);
    }

    private void sendAndWait(int count) {
        for (MintRequest request : requests(count)) {
            ChainTransaction tx = minting.mint(request);
            assertEquals(TxStatus.CONFIRMED, outbox.await(tx.id, t -> t.status == TxStatus.CONFIRMED, WAIT).status);
        }
    }

    private static List<MintRequest> requests(int count) {
        List<MintRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(new MintRequest(
                    Anvil.account(6).getAddress(),
                    Anvil.randomHash(),
                    Anvil.account(4).getAddress(),
                    0));
        }
        return requests;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
