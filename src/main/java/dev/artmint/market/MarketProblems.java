package dev.artmint.market;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;

/** Problem documents for the marketplace's refusals; a 402 also states the amounts as decimal wei strings. */
class MarketProblems {

    @ServerExceptionMapper
    Response refused(MarketRefusedException e, UriInfo uri) {
        Problem problem = e.field()
                .map(field -> Problem.of(ProblemType.VALIDATION, "the request has an invalid field")
                        .withErrors(List.of(new Problem.FieldError(field, e.getMessage()))))
                .orElseGet(() -> Problem.of(e.type(), e.getMessage()));
        return problem.at(URI.create(uri.getPath())).toResponse();
    }

    @ServerExceptionMapper
    Response insufficientFunds(InsufficientFundsException e, UriInfo uri) {
        Problem problem = Problem.of(ProblemType.INSUFFICIENT_FUNDS, e.getMessage()).at(URI.create(uri.getPath()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", problem.instance());
        body.put("amountNeededWei", e.needed().toString());
        body.put("balanceWei", e.balance().toString());
        body.put("shortfallWei", e.needed().subtract(e.balance()).toString());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
