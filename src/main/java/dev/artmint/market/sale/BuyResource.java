package dev.artmint.market.sale;

import dev.artmint.identity.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Buying a listing with the custodial wallet. */
@Path("/api/listings/{id}/purchase")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class BuyResource {

    private final Purchases purchases;
    private final CurrentUser currentUser;

    BuyResource(Purchases purchases, CurrentUser currentUser) {
        this.purchases = purchases;
        this.currentUser = currentUser;
    }

    @POST
    @Operation(summary = "Buy a listing with your custodial wallet; 202 with the purchase, which settles on-chain")
    public Response purchase(@PathParam("id") UUID id) {
        PurchaseView purchase = purchases.buy(id, currentUser.signedIn());
        return Response.accepted(purchase)
                .location(URI.create("/api/purchases/" + purchase.id()))
                .build();
    }
}
