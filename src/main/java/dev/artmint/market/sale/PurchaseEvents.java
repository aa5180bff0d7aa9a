package dev.artmint.market.sale;

import dev.artmint.identity.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The event stream of one purchase: an event named after each status it reaches ({@code pending}, {@code submitted},
 * then {@code settled} or {@code failed}), with the purchase as data; it ends after the last.
 */
@ApplicationScoped
public class PurchaseEvents {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Purchases purchases;
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(
            1, Thread.ofPlatform().name("purchase-events-", 0).daemon().factory());

    PurchaseEvents(Purchases purchases) {
        this.purchases = purchases;
    }

    /** One event: its SSE name and the purchase. */
    public record Event(String name, PurchaseView data) {}

    public Multi<Event> of(UUID purchaseId, Caller caller) {
        return Multi.createFrom().emitter(emitter -> {
            Watch watch = new Watch(purchaseId, caller, emitter);
            synchronized (watch) {
                watch.task = poller.scheduleWithFixedDelay(watch::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
            emitter.onTermination(watch::stop);
        });
    }

    /** What one subscriber has been told so far. */
    private final class Watch {

        private final UUID purchaseId;
        private final Caller caller;
        private final MultiEmitter<? super Event> emitter;
        private ScheduledFuture<?> task;
        private Purchase.Status told;

        Watch(UUID purchaseId, Caller caller, MultiEmitter<? super Event> emitter) {
            this.purchaseId = purchaseId;
            this.caller = caller;
            this.emitter = emitter;
        }

        synchronized void poll() {
            try {
                PurchaseView purchase = purchases.find(purchaseId, caller).orElseThrow();
                if (purchase.status() != told) {
                    told = purchase.status();
                    emitter.emit(new Event(told.name().toLowerCase(), purchase));
                }
                if (!told.isOpen()) {
                    stop();
                    emitter.complete();
                }
            } catch (RuntimeException e) {
                stop();
                emitter.fail(e);
            }
        }

        synchronized void stop() {
            task.cancel(false);
        }
    }

    @PreDestroy
    void close() {
        poller.shutdownNow();
    }
}
