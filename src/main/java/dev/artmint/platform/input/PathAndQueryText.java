package dev.artmint.platform.input;

import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a path parameter or query value that holds a control character (NUL above all, which the database refuses)
 * with a 400 naming the parameter, before any resource sees it; and a path or query that is not well percent-encoded.
 */
class PathAndQueryText {

    @ServerRequestFilter
    void check(UriInfo uri) {
        MultivaluedMap<String, String> path;
        MultivaluedMap<String, String> query;
        try {
            path = uri.getPathParameters(true);
            query = uri.getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            throw Refusal.of(ProblemType.MALFORMED_REQUEST, "the path or query is not well percent-encoded");
        }
        path.forEach(PathAndQueryText::check);
        query.forEach((name, values) -> {
            ControlCharacters.find(name, false).ifPresent(found -> {
                throw Refusal.invalid(
                        ControlCharacters.printable(name), "the parameter's name " + ControlCharacters.message(found));
            });
            check(name, values);
        });
    }

    private static void check(String name, List<String> values) {
        for (String value : values) {
            ControlCharacters.find(value, false).ifPresent(found -> {
                throw Refusal.invalid(name, ControlCharacters.message(found));
            });
        }
    }
}
