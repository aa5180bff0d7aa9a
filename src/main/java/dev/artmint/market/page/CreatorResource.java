package dev.artmint.market.page;

import dev.artmint.market.KeysetCursor;
import dev.artmint.market.MarketConfig;
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
    private final CreatorFeeds feeds;
    private final MarketConfig config;

    CreatorResource(CreatorProfiles profiles, CreatorFeeds feeds, MarketConfig config) {
        this.profiles = profiles;
        this.feeds = feeds;
        this.config = config;
    }

    @GET
    @Operation(summary = "A creator's profile, counts and published works, newest first, one keyset page at a time")
    public CreatorProfile profile(
            @PathParam("handle") String handle,
            @QueryParam("limit") @Parameter(description = "1 to 100") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        int size = KeysetCursor.pageSize(limit, config.pageSize());
        return profiles.profile(handle, CreatorProfiles.cursor(cursor), size).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("collected")
    @Operation(
            summary = "The tokens the creator's custodial wallet holds now, most recently acquired first; hidden and "
                    + "unpublished artworks left out")
    public CreatorFeedPage<CreatorFeedPage.Collected> collected(
            @PathParam("handle") String handle,
            @QueryParam("limit") @Parameter(description = "1 to 100") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        int size = KeysetCursor.pageSize(limit, config.pageSize());
        return feeds.collected(handle, CreatorFeeds.collectedCursor(cursor), size)
                .orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("activity")
    @Operation(
            summary =
                    "The creator's activity and their works' (sales, listings, mints, transfers on the chain), newest "
                            + "first")
    public CreatorFeedPage<CreatorFeedPage.Event> activity(
            @PathParam("handle") String handle,
            @QueryParam("limit") @Parameter(description = "1 to 100") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        int size = KeysetCursor.pageSize(limit, config.pageSize());
        return feeds.activity(handle, CreatorFeeds.activityCursor(cursor), size).orElseThrow(NotFoundException::new);
    }
}
