package dev.artmint.identity;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class MeResource {

    private final CurrentUser currentUser;
    private final UserDirectory users;

    MeResource(CurrentUser currentUser, UserDirectory users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    @GET
    @Operation(summary = "The caller, as created from their token on their first request")
    public UserView me() {
        return UserView.of(currentUser.user());
    }

    /** The profile fields a person sets in ArtMint itself; name and roles come from the identity provider. */
    public record ProfileUpdate(@NotNull @Size(max = 500) String bio) {}

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update the caller's profile")
    public UserView update(@Valid @NotNull ProfileUpdate update) {
        return UserView.of(users.updateBio(currentUser.id(), update.bio()));
    }
}
