package dev.artmint.market;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;

/** Problem documents for refused mint, token metadata and transfer requests. */
class TokenProblems {

    @ServerExceptionMapper
    Response refused(TokenRefusedException e, UriInfo uri) {
        Problem problem = e.field()
                .map(field -> Problem.of(ProblemType.VALIDATION, "the request has an invalid field")
                        .withErrors(List.of(new Problem.FieldError(field, e.getMessage()))))
                .orElseGet(() -> Problem.of(e.type(), e.getMessage()));
        return problem.at(URI.create(uri.getPath())).toResponse();
    }
}
