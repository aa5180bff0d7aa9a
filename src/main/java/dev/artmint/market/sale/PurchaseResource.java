package dev.artmint.market.sale;

import dev.artmint.identity.Caller;
import dev.artmint.identity.CurrentUser;
import dev.artmint.platform.limit.RateLimits;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A purchase, for its buyer, the seller and admins, and the events of its settlement. */
@Path("/api/purchases/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class PurchaseResource {

    private final Purchases purchases;
    private final PurchaseEvents events;
    private final CurrentUser currentUser;
    private final RateLimits limits;

    PurchaseResource(Purchases purchases, PurchaseEvents events, CurrentUser currentUser, RateLimits limits) {
        this.purchases = purchases;
        this.events = events;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "A purchase: its status, price, transaction and why it failed")
    public PurchaseView get(@PathParam("id") UUID id) {
        return purchases.find(id, currentUser.signedIn()).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("events")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events of a purchase: pending, submitted, then settled or failed")
    public Multi<OutboundSseEvent> events(@PathParam("id") UUID id, @Context Sse sse) {
        Caller caller = currentUser.signedIn();
        limits.acquire(caller.id(), RateLimits.Action.EVENT_STREAM);
        purchases.find(id, caller).orElseThrow(NotFoundException::new);
        return events.of(id, caller)
                .map(event -> sse.newEventBuilder()
                        .name(event.name())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(event.data())
                        .build());
    }
}
