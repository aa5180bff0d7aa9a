package dev.artmint.studio.artwork;

import dev.artmint.diffusion.InvalidRequestException;
import dev.artmint.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins hide artworks from everyone else, or show them again. */
@Path("/api/admin/artworks/{id}/hidden")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ArtworkModerationResource {

    private final Artworks artworks;

    ArtworkModerationResource(Artworks artworks) {
        this.artworks = artworks;
    }

    /** Whether an artwork is hidden from everyone but admins, and why (required to hide it). */
    public record Visibility(
            @NotNull Boolean hidden, @Size(max = 500) String reason) {}

    @PUT
    @Operation(summary = "Hide an artwork from everyone but admins, with the reason admins see, or show it again")
    public ArtworkView setHidden(@PathParam("id") UUID id, @Valid @NotNull Visibility visibility) {
        if (visibility.hidden()
                && (visibility.reason() == null || visibility.reason().isBlank())) {
            throw new InvalidRequestException(
                    "reason", "is required to hide an artwork: say why, for the other admins");
        }
        return artworks.setHidden(id, visibility.hidden(), visibility.reason())
                .map(artworks::view)
                .orElseThrow(NotFoundException::new);
    }
}
