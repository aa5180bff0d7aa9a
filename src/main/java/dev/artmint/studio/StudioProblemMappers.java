package dev.artmint.studio;

import dev.artmint.studio.credit.OutOfCreditsException;
import dev.artmint.studio.job.BlockedPromptException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;

/** Problem documents for the studio's own refusals: a blocked prompt (422) and running out of credits (429). */
public class StudioProblemMappers {

    @ServerExceptionMapper
    public Response blocked(BlockedPromptException e, UriInfo uri) {
        return Problem.of(ProblemType.BLOCKED_PROMPT, e.getMessage() + "; no credit was charged")
                .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
                .at(URI.create(uri.getPath())).toResponse();
    }

    @ServerExceptionMapper
    public Response outOfCredits(OutOfCreditsException e, UriInfo uri) {
        long seconds = Math.max(1, Duration.between(Instant.now(), e.refillsAt()).toSeconds());
        return Response.fromResponse(Problem.of(ProblemType.OUT_OF_CREDITS, e.getMessage())
                        .at(URI.create(uri.getPath())).toResponse())
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }
}
