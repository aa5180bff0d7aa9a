package dev.artmint.studio.artwork;

import dev.artmint.identity.Caller;
import dev.artmint.identity.CurrentUser;
import dev.artmint.platform.limit.RateLimits;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.provenance.VerificationReport;
import dev.artmint.storage.ObjectStore;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An artwork, its image and thumbnail, and its provenance, for whoever may read it. The image and thumbnail of a
 * published, visible artwork are public (the marketplace shows them to everyone); the rest needs a token.
 */
@Path("/api/artworks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "studio")
public class ArtworkResource {

    private static final int YEAR_SECONDS = 365 * 24 * 3600;
    // public copies outlive an unpublication or a moderator's hiding by at most this long
    private static final int PUBLIC_SECONDS = 600;

    private final Artworks artworks;
    private final Verifications verifications;
    private final ObjectStore store;
    private final CurrentUser currentUser;
    private final RateLimits limits;

    ArtworkResource(
            Artworks artworks,
            Verifications verifications,
            ObjectStore store,
            CurrentUser currentUser,
            RateLimits limits) {
        this.artworks = artworks;
        this.verifications = verifications;
        this.store = store;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    /** The provenance record, its canonical form and its keccak-256 hash (the future token id). */
    public record ProvenanceView(ProvenanceRecord record, String canonicalJson, String hash, String tokenId) {}

    @GET
    @Authenticated
    @Operation(summary = "An artwork")
    public ArtworkView get(@PathParam("id") UUID id) {
        return artworks.view(readable(id));
    }

    @GET
    @Path("image")
    @PermitAll
    @Produces("image/png")
    @Operation(summary = "The artwork's PNG, with its parameters and provenance chunks; public once published")
    public Response image(@PathParam("id") UUID id) {
        Artwork artwork = viewable(id);
        return png(store.get(artwork.imageKey), artwork.imageSha256, isPublic(artwork));
    }

    @GET
    @Path("thumbnail")
    @PermitAll
    @Produces("image/png")
    @Operation(summary = "A small PNG of the artwork; public once published")
    public Response thumbnail(@PathParam("id") UUID id) {
        Artwork artwork = viewable(id);
        return png(store.get(artwork.thumbnailKey), artwork.thumbnailKey, isPublic(artwork));
    }

    @GET
    @Authenticated
    @Path("provenance")
    @Operation(summary = "The artwork's provenance record and its hash")
    public ProvenanceView provenance(@PathParam("id") UUID id) {
        ProvenanceRecord record = ProvenanceRecord.parse(readable(id).provenanceJson);
        return new ProvenanceView(
                record, record.canonicalJson(), record.hash(), record.tokenId().toString());
    }

    @POST
    @Authenticated
    @Path("verify")
    @Operation(
            summary = "Verify the artwork against its provenance: the byte checks at once; 200 when the re-run of the"
                    + " recipe is known (cached) or cannot run here, else 202 with it queued, its report then at"
                    + " GET .../verification; rate-limited per user (429 with Retry-After)")
    public Response verify(@PathParam("id") UUID id) {
        limits.acquire(currentUser.signedIn().id(), RateLimits.Action.VERIFICATION);
        VerificationReport report = verifications.request(readable(id));
        if (report.complete()) {
            return Response.ok(report).build();
        }
        return Response.accepted(report)
                .location(URI.create("/api/artworks/" + id + "/verification"))
                .build();
    }

    @GET
    @Authenticated
    @Path("verification")
    @Operation(
            summary = "The report of the artwork's latest verification, from the cache: its reproduction queued or"
                    + " done; 404 when none was asked")
    public VerificationReport verification(@PathParam("id") UUID id) {
        return verifications.latest(readable(id)).orElseThrow(NotFoundException::new);
    }

    /** A published, visible artwork for anyone; otherwise as {@link #readable}, which needs a token. */
    private Artwork viewable(UUID id) {
        Caller caller = currentUser.caller();
        if (caller.anonymous()) {
            return artworks.readable(id, caller).orElseThrow(UnauthorizedException::new);
        }
        return readable(id);
    }

    private static boolean isPublic(Artwork artwork) {
        return artwork.published && !artwork.hidden;
    }

    private Artwork readable(UUID id) {
        return artworks.readable(id, currentUser.signedIn()).orElseThrow(NotFoundException::new);
    }

    /**
     * Content-addressed bytes never change: a private image is cacheable for a year by the caller's own cache; a public
     * one by any cache, for a while, since the artwork can be hidden again.
     */
    private static Response png(byte[] bytes, String tag, boolean isPublic) {
        CacheControl cache = new CacheControl();
        cache.setNoTransform(false);
        if (isPublic) {
            cache.getCacheExtension().put("public", null);
            cache.setMaxAge(PUBLIC_SECONDS);
        } else {
            cache.setPrivate(true);
            cache.setMaxAge(YEAR_SECONDS);
            cache.getCacheExtension().put("immutable", null);
        }
        return Response.ok(bytes, "image/png")
                .cacheControl(cache)
                .tag(new EntityTag(tag))
                .build();
    }
}
