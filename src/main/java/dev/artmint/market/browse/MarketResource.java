package dev.artmint.market.browse;

import dev.artmint.market.MarketConfig;
import dev.artmint.market.page.ArtworkPage;
import dev.artmint.market.page.ArtworkPages;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.artmint.identity.CurrentUser;
import dev.artmint.identity.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The public marketplace: browsing and searching active listings, and an artwork's page. */
@Path("/api/market")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class MarketResource {

    private final ListingCatalogue catalogue;
    private final ArtworkPages pages;
    private final MarketConfig config;
    private final SecurityIdentity identity;
    private final CurrentUser currentUser;

    MarketResource(ListingCatalogue catalogue, ArtworkPages pages, MarketConfig config, SecurityIdentity identity,
            CurrentUser currentUser) {
        this.catalogue = catalogue;
        this.pages = pages;
        this.config = config;
        this.identity = identity;
        this.currentUser = currentUser;
    }

    /** Runs on the event loop: a cached page is answered there; the catalogue reads the database on a worker. */
    @GET
    @Path("listings")
    @Operation(summary = "Active listings of published artworks, searched, filtered and ordered, one keyset page at a time")
    @APIResponse(responseCode = "200", description = "one page and the cursor of the next",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingPage.class)))
    public Uni<Response> listings(
            @QueryParam("q") @Parameter(description = "search words, English or Chinese; every word must match") String q,
            @QueryParam("creator") @Parameter(description = "the creator's handle") String creator,
            @QueryParam("model") String model,
            @QueryParam("minPriceWei") String minPriceWei,
            @QueryParam("maxPriceWei") String maxPriceWei,
            @QueryParam("minted") @Parameter(description = "true or false") String minted,
            @QueryParam("sort") @Parameter(description = "newest (default), price_asc, price_desc or popular") String sort,
            @QueryParam("limit") @Parameter(description = "1 to 100") String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        BrowseQuery query = BrowseQuery.of(q, creator, model, minPriceWei, maxPriceWei, minted, sort, limit, cursor,
                config.pageSize());
        // the page is the same for every caller, so shared caches may keep it a few seconds too
        return catalogue.browse(query).map(page -> Response.ok(page, MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(publicCache()).build());
    }

    @GET
    @Path("artworks/{id}")
    @Operation(summary = "An artwork's public page: details, provenance, likes, listing, token and history")
    public Response artwork(@PathParam("id") UUID id) {
        if (identity.isAnonymous()) {
            return Response.ok(pages.publicPage(id).orElseThrow(NotFoundException::new)).cacheControl(publicCache()).build();
        }
        ArtworkPage page = pages.page(id, currentUser.id(), identity.hasRole(Roles.ADMIN)).orElseThrow(NotFoundException::new);
        return Response.ok(page).cacheControl(privateCache()).build();
    }

    private CacheControl publicCache() {
        CacheControl cache = new CacheControl();
        cache.setNoTransform(false);
        cache.setMaxAge((int) config.publicMaxAge().toSeconds());
        cache.getCacheExtension().put("public", null);
        return cache;
    }

    /** A signed-in caller's page says whether they liked it, and may show what only they can see. */
    private static CacheControl privateCache() {
        CacheControl cache = new CacheControl();
        cache.setNoTransform(false);
        cache.setPrivate(true);
        cache.setNoCache(true);
        return cache;
    }
}
