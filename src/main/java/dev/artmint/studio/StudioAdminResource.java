package dev.artmint.studio;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.artmint.identity.Roles;
import dev.artmint.identity.UserDirectory;

/** Studio administration: granting credits and hiding artworks. */
@Path("/api/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class StudioAdminResource {

    private final Credits credits;
    private final Artworks artworks;
    private final UserDirectory users;

    StudioAdminResource(Credits credits, Artworks artworks, UserDirectory users) {
        this.credits = credits;
        this.artworks = artworks;
        this.users = users;
    }

    /** Credits to add to a user's granted balance. */
    public record Grant(@NotNull @Min(1) @Max(100000) Integer credits) {
    }

    /** Whether an artwork is hidden from everyone but admins. */
    public record Visibility(@NotNull Boolean hidden) {
    }

    @POST
    @Path("users/{id}/credits")
    @Operation(summary = "Grant a user credits, kept until spent")
    public CreditBalance grant(@PathParam("id") UUID userId, @Valid @NotNull Grant grant) {
        users.find(userId).orElseThrow(NotFoundException::new);
        return credits.grant(userId, grant.credits());
    }

    @PUT
    @Path("artworks/{id}/hidden")
    @Operation(summary = "Hide an artwork from everyone but admins, or show it again")
    public ArtworkView hide(@PathParam("id") UUID id, @Valid @NotNull Visibility visibility) {
        return artworks.setHidden(id, visibility.hidden()).map(ArtworkView::of).orElseThrow(NotFoundException::new);
    }
}
