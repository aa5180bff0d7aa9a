package dev.artmint.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.RouteAnswers;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Answers an over-long request URI with 414 and over-large request headers with 431, as problem documents. The HTTP
 * codec's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above
 * these, because what the codec refuses never reaches a handler and gets a bare status with no body.
 */
@ApplicationScoped
class RequestSizeLimits {

    /** The longest request target (path and query) answered: 8 KiB, as most proxies allow. */
    static final int MAX_URI_LENGTH = 8 * 1024;

    /** The most header bytes (names, values and separators) answered: 16 KiB, room for any bearer token. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final ObjectMapper json;

    RequestSizeLimits(ObjectMapper json) {
        this.json = json;
    }

    /** First of every route, so that nothing reads a request that is too large. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI_LENGTH) {
            refuse(
                    context,
                    ProblemType.URI_TOO_LONG,
                    "the request URI has " + request.uri().length() + " characters; at most " + MAX_URI_LENGTH
                            + " are accepted");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            refuse(
                    context,
                    ProblemType.HEADERS_TOO_LARGE,
                    "the request headers have " + headerBytes + " bytes; at most " + MAX_HEADER_BYTES
                            + " are accepted");
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        RouteAnswers.problem(context, json, Problem.of(type, detail));
    }
}
