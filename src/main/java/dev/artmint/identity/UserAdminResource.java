package dev.artmint.identity;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** User administration, for the admin role only. */
@Path("/api/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class UserAdminResource {

    private final UserDirectory users;

    UserAdminResource(UserDirectory users) {
        this.users = users;
    }

    /** One page of users, oldest first. */
    public record UserPage(List<UserView> items, int page, int size, long total) {}

    @GET
    @Operation(summary = "List the platform's users")
    public UserPage list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PanacheQuery<User> query = users.list(page, size);
        return new UserPage(query.<User>list().stream().map(UserView::of).toList(), page, size, query.count());
    }
}
