package dev.artmint.market.listing;

import dev.artmint.identity.CurrentUser;
import dev.artmint.market.Wei;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Listings: the holder of an artwork asks a price, changes or withdraws it (buying one is the sale's). */
@Path("/api/listings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class ListingResource {

    private final Listings listings;
    private final CurrentUser currentUser;

    ListingResource(Listings listings, CurrentUser currentUser) {
        this.listings = listings;
        this.currentUser = currentUser;
    }

    /** A new listing: the artwork and its price in wei. */
    public record NewListing(
            @NotNull UUID artworkId, @NotNull @Wei String priceWei) {}

    /** A listing's new price in wei. */
    public record NewPrice(@NotNull @Wei String priceWei) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "List an artwork you hold at a price in wei (a decimal string, at most 2^96 - 1)")
    public Response create(@Valid @NotNull NewListing request) {
        ListingView listing =
                listings.create(currentUser.signedIn(), request.artworkId(), new BigInteger(request.priceWei()));
        return Response.created(URI.create("/api/listings/" + listing.id()))
                .entity(listing)
                .build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "A listing: public while active on a published artwork; its seller and admins always")
    public ListingView get(@PathParam("id") UUID id) {
        return listings.find(id, currentUser.caller()).orElseThrow(NotFoundException::new);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the price of your active listing")
    public ListingView reprice(@PathParam("id") UUID id, @Valid @NotNull NewPrice request) {
        return listings.reprice(id, currentUser.signedIn(), new BigInteger(request.priceWei()));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Withdraw your active listing: 204 when it is withdrawn; 202 with the listing WITHDRAWING while "
                    + "its on-chain cancel is not mined (a MARKET listing)")
    public Response withdraw(@PathParam("id") UUID id) {
        return listings.withdraw(id, currentUser.signedIn())
                .map(withdrawing -> Response.accepted(withdrawing).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
