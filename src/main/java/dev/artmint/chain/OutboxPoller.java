package dev.artmint.chain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Drives the outbox on a schedule; its first run after a start is the recovery of what a stop left open. */
@ApplicationScoped
class OutboxPoller {

    private final Outbox outbox;

    OutboxPoller(Outbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(
            identity = "chain-outbox",
            every = "${artmint.chain.outbox.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        outbox.followUpAll();
    }
}
