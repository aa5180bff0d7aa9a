package dev.artmint.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Answers on a Vert.x route, which the JAX-RS exception mappers never see, as problem documents too. */
public final class RouteAnswers {

    private RouteAnswers() {}

    /** Ends the route's response with the problem, about the request's path. */
    public static void problem(RoutingContext context, ObjectMapper json, Problem problem) {
        Problem answer = problem.at(context.request().path());
        try {
            context.response()
                    .setStatusCode(answer.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
