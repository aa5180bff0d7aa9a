package dev.artmint.market.browse;

import dev.artmint.market.HttpCaching;
import dev.artmint.market.MarketConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public marketplace: browsing and searching active listings. */
@Path("/api/market")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class MarketResource {

    private final ListingCatalogue catalogue;
    private final MarketConfig config;

    MarketResource(ListingCatalogue catalogue, MarketConfig config) {
        this.catalogue = catalogue;
        this.config = config;
    }

    /** Runs on the event loop: a cached page is answered there; the catalogue reads the database on a worker. */
    @GET
    @Path("listings")
    @Operation(
            summary =
                    "Active listings of published artworks, searched, filtered and ordered, one keyset page at a time")
    @APIResponse(
            responseCode = "200",
            description = "one page and the cursor of the next",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ListingPage.class)))
    public Uni<Response> listings(
            @QueryParam("q") @Parameter(description = "search words, English or Chinese; every word must match")
                    String q,
            @QueryParam("creator") @Parameter(description = "the creator's handle") String creator,
            @QueryParam("model") String model,
            @QueryParam("minPriceWei") String minPriceWei,
            @QueryParam("maxPriceWei") String maxPriceWei,
            @QueryParam("minted") @Parameter(description = "true or false") String minted,
            @QueryParam("sort") @Parameter(description = "newest (default), price_asc, price_desc or popular")
                    String sort,
            @QueryParam("limit") @Parameter(description = "1 to 100") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        BrowseQuery query = BrowseQuery.of(
                q, creator, model, minPriceWei, maxPriceWei, minted, sort, limit, cursor, config.pageSize());
        // the page is the same for every caller, so shared caches may keep it a few seconds too
        return catalogue
                .browse(query)
                .map(page -> Response.ok(page, MediaType.APPLICATION_JSON_TYPE)
                        .cacheControl(HttpCaching.shared(config.publicMaxAge()))
                        .build());
    }
}
