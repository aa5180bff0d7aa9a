package dev.artmint.studio.artwork;

import dev.artmint.diffusion.InvalidRequestException;
import dev.artmint.identity.CurrentUser;
import dev.artmint.studio.credit.CreditBalance;
import dev.artmint.studio.credit.Credits;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

    @GET
    @Path("artworks")
    @Operation(
            summary = "The caller's artworks, newest first, searched by prompt, title and description; paged by cursor "
                    + "or page")
    public Artworks.GalleryPage artworks(
            @QueryParam("q") @Size(max = 200) @Parameter(description = "every term must match (English and Chinese)")
                    String q,
            @QueryParam("cursor") @Parameter(description = "the previous page's nextCursor") String cursor,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String query = q == null || q.isBlank() ? null : q.strip();
        String after = cursor == null || cursor.isBlank() ? null : cursor;
        if (after != null && page != 0) {
            throw new InvalidRequestException("page", "a cursor already says where the page starts; leave page out");
        }
        return artworks.gallery(currentUser.id(), query, after, page, size);
    }

    @GET
    @Path("credits")
    @Operation(summary = "The caller's credits and when the daily allowance refills")
    public CreditBalance credits() {
        return credits.balance(currentUser.id());
    }
}
