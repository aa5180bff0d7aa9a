package dev.artmint.studio.credit;

import dev.artmint.identity.Roles;
import dev.artmint.identity.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins grant users credits beyond their daily allowance. */
@Path("/api/admin/users/{id}/credits")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class CreditGrantResource {

    private final Credits credits;
    private final UserDirectory users;

    CreditGrantResource(Credits credits, UserDirectory users) {
        this.credits = credits;
        this.users = users;
    }

    /** Credits to add to a user's granted balance. */
    public record Grant(@NotNull @Min(1) @Max(100000) Integer credits) {}

    @POST
    @Operation(summary = "Grant a user credits, kept until spent")
    public CreditBalance grant(@PathParam("id") UUID userId, @Valid @NotNull Grant grant) {
        users.find(userId).orElseThrow(NotFoundException::new);
        return credits.grant(userId, grant.credits());
    }
}
