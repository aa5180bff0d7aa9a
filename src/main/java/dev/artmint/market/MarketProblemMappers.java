package dev.artmint.market;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;

/** Problem documents for the marketplace's refusals of a request's parameters. */
public class MarketProblemMappers {

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
        return Problem.of(ProblemType.VALIDATION, "the request has an invalid parameter")
                .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
                .at(URI.create(uri.getPath())).toResponse();
    }
}
