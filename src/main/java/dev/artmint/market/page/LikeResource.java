package dev.artmint.market.page;

import dev.artmint.identity.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's like of a published artwork; liking or unliking twice changes nothing the second time. */
@Path("/api/artworks/{id}/like")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class LikeResource {

    private final Likes likes;
    private final CurrentUser currentUser;

    LikeResource(Likes likes, CurrentUser currentUser) {
        this.likes = likes;
        this.currentUser = currentUser;
    }

    @POST
    @Operation(summary = "Like a published artwork")
    public Likes.LikeState like(@PathParam("id") UUID id) {
        return likes.like(id, currentUser.id()).orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Operation(summary = "Take back a like")
    public Likes.LikeState unlike(@PathParam("id") UUID id) {
        return likes.unlike(id, currentUser.id()).orElseThrow(NotFoundException::new);
    }
}
