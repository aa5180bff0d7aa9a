package dev.artmint.market;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A creator's public profile. */
@Path("/api/creators/{handle}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class CreatorResource {

    private final CreatorProfiles profiles;
    private final MarketConfig config;

    CreatorResource(CreatorProfiles profiles, MarketConfig config) {
        this.profiles = profiles;
        this.config = config;
    }

    @GET
    @Operation(summary = "A creator's profile, counts and published works, newest first, one keyset page at a time")
    public CreatorProfile profile(@PathParam("handle") String handle,
            @QueryParam("limit") @Parameter(description = "1 to 100") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        int size = BrowseQuery.limit(limit, config.pageSize());
        return profiles.profile(handle, CreatorProfiles.cursor(cursor), size).orElseThrow(NotFoundException::new);
    }
}
