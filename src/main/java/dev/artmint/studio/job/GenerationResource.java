package dev.artmint.studio.job;

import dev.artmint.identity.Caller;
import dev.artmint.identity.CurrentUser;
import dev.artmint.identity.Roles;
import dev.artmint.platform.limit.RateLimits;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Generation jobs: queue one, follow it (by polling or Server-Sent Events), cancel it. */
@Path("/api/generations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "studio")
public class GenerationResource {

    // a dropped stream is picked up again within a second
    private static final long RECONNECT_MILLIS = 1000;

    private final Generations generations;
    private final JobEvents events;
    private final CurrentUser currentUser;
    private final RateLimits limits;

    GenerationResource(Generations generations, JobEvents events, CurrentUser currentUser, RateLimits limits) {
        this.generations = generations;
        this.events = events;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    @POST
    @RolesAllowed(Roles.CREATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a generation; answers 202 with the job, its status and queue position")
    public Response submit(@NotNull GenerationSpec spec) {
        Caller caller = currentUser.signedIn();
        limits.acquire(caller.id(), RateLimits.Action.GENERATION);
        JobView job = generations.submit(caller, spec);
        return Response.accepted(job)
                .location(URI.create("/api/generations/" + job.id()))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A job's status, progress and artworks")
    public JobView get(@PathParam("id") UUID id) {
        return generations.find(id, currentUser.signedIn()).orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel a job: at once while queued, at its next step while running")
    public JobView cancel(@PathParam("id") UUID id) {
        return generations.cancel(id, currentUser.signedIn()).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("{id}/events")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Server-Sent Events of a job: queued, progress, image (each artwork), then done or failed;"
                    + " with Last-Event-ID only what came after that event, and 204 when that was the last one")
    public Multi<OutboundSseEvent> events(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
            @Context Sse sse) {
        Caller caller = currentUser.signedIn();
        limits.acquire(caller.id(), RateLimits.Action.EVENT_STREAM);
        JobView job = generations.find(id, caller).orElseThrow(NotFoundException::new);
        JobEventId told = JobEventId.parse(lastEventId).orElse(JobEventId.START);
        if (told.end() && job.status().finished()) {
            throw new StreamOver();
        }
        return events.of(id, caller, told)
                .map(event -> sse.newEventBuilder()
                        .name(event.name())
                        .id(event.id())
                        .reconnectDelay(RECONNECT_MILLIS)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(event.data())
                        .build());
    }

    /** The client saw the final event: 204 tells an EventSource to stop reconnecting. */
    @ServerExceptionMapper
    Response over(StreamOver e) {
        return Response.noContent().build();
    }

    /** A reconnection after the final event of a finished job. */
    static final class StreamOver extends RuntimeException {

        StreamOver() {
            super("the stream already ended", null, false, false);
        }
    }
}
