package dev.artmint.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** An API path that no resource serves gets a problem document too, not the HTTP server's plain 404 page. */
@ApplicationScoped
class UnmatchedApiRoute {

    private final ObjectMapper json;

    UnmatchedApiRoute(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route("/api/*")
                .order(Integer.MAX_VALUE)
                .handler(context ->
                        RouteAnswers.problem(context, json, Problem.of(ProblemType.NOT_FOUND, "no such resource")));
    }
}
