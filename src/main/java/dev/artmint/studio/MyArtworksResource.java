package dev.artmint.studio;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.artmint.identity.CurrentUser;
import io.quarkus.security.Authenticated;

/** The caller's own artworks and credits. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "studio")
public class MyArtworksResource {

    private final Artworks artworks;
    private final Credits credits;
    private final CurrentUser currentUser;

    MyArtworksResource(Artworks artworks, Credits credits, CurrentUser currentUser) {
        this.artworks = artworks;
        this.credits = credits;
        this.currentUser = currentUser;
    }

    /** One page of artworks, newest first. */
    public record ArtworkPageView(List<ArtworkView> items, int page, int size, long total) {
    }

    @GET
    @Path("artworks")
    @Operation(summary = "The caller's artworks, newest first")
    public ArtworkPageView artworks(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Artworks.ArtworkPage found = artworks.createdBy(currentUser.id(), page, size);
        return new ArtworkPageView(found.items().stream().map(ArtworkView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("credits")
    @Operation(summary = "The caller's credits and when the daily allowance refills")
    public CreditBalance credits() {
        return credits.balance(currentUser.id());
    }
}
