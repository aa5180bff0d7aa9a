package dev.artmint.market.page;

import dev.artmint.identity.Caller;
import dev.artmint.identity.CurrentUser;
import dev.artmint.market.HttpCaching;
import dev.artmint.market.MarketConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An artwork's public page in the marketplace. */
@Path("/api/market/artworks/{id}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class ArtworkPageResource {

    private final ArtworkPages pages;
    private final MarketConfig config;
    private final CurrentUser currentUser;

    ArtworkPageResource(ArtworkPages pages, MarketConfig config, CurrentUser currentUser) {
        this.pages = pages;
        this.config = config;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "An artwork's public page: details, provenance, likes, listing, token and history")
    public Response artwork(@PathParam("id") UUID id) {
        Caller caller = currentUser.caller();
        if (caller.anonymous()) {
            return Response.ok(pages.publicPage(id).orElseThrow(NotFoundException::new))
                    .cacheControl(HttpCaching.shared(config.publicMaxAge()))
                    .build();
        }
        ArtworkPage page = pages.page(id, caller).orElseThrow(NotFoundException::new);
        return Response.ok(page).cacheControl(HttpCaching.personal()).build();
    }
}
