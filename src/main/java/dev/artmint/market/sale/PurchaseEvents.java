package dev.artmint.market.sale;

import dev.artmint.identity.Caller;
import dev.artmint.platform.limit.EventStreams;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The event stream of one purchase: an event named after each status it reaches ({@code pending}, {@code submitted},
 * then {@code settled} or {@code failed}), with the purchase as data; it ends after the last, or once open for
 * {@code artmint.limits.stream-max-duration}.
 */
@ApplicationScoped
public class PurchaseEvents {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Purchases purchases;
    private final EventStreams streams;

    PurchaseEvents(Purchases purchases, EventStreams streams) {
        this.purchases = purchases;
        this.streams = streams;
    }

    /** One event: its SSE name and the purchase. */
    public record Event(String name, PurchaseView data) {}

    public Multi<Event> of(UUID purchaseId, Caller caller) {
        return streams.of(POLL, () -> new Watch(purchaseId, caller)::poll);
    }

    /** What one subscriber has been told so far. */
    private final class Watch {

        private final UUID purchaseId;
        private final Caller caller;
        private Purchase.Status told;

        Watch(UUID purchaseId, Caller caller) {
            this.purchaseId = purchaseId;
            this.caller = caller;
        }

        EventStreams.Poll<Event> poll() {
            PurchaseView purchase = purchases.find(purchaseId, caller).orElseThrow();
            List<Event> events = List.of();
            if (purchase.status() != told) {
                told = purchase.status();
                events = List.of(new Event(told.name().toLowerCase(), purchase));
            }
            return new EventStreams.Poll<>(events, !told.isOpen());
        }
    }
}
