package dev.artmint.market.publish;

import dev.artmint.identity.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A creator publishes an artwork to the marketplace, edits what it says, or withdraws it again. */
@Path("/api/artworks/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class PublicationResource {

    private final Publications publications;
    private final CurrentUser currentUser;

    PublicationResource(Publications publications, CurrentUser currentUser) {
        this.publications = publications;
        this.currentUser = currentUser;
    }

    @POST
    @Path("publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish an artwork (title, description, licence, royalty) or edit its publication; creator only")
    public PublicationView publish(@PathParam("id") UUID id, @Valid @NotNull PublishRequest request) {
        return publications.publish(id, currentUser.signedIn(), request);
    }

    @POST
    @Path("unpublish")
    @Operation(
            summary = "Withdraw an artwork from the marketplace, and its listing; refused once sold or minted to "
                    + "someone else")
    public PublicationView unpublish(@PathParam("id") UUID id) {
        return publications.unpublish(id, currentUser.signedIn());
    }
}
