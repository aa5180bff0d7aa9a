package dev.artmint.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document: the body of every error ArtMint answers. {@code members} are its extension members
 * (such as {@code amountNeededWei}), written beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        URI instance,
        List<FieldError> errors,
        @JsonAnyGetter Map<String, Object> members) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final int MAX_INSTANCE_LENGTH = 500;

    /** One invalid field of a request: where it is and what is wrong with it. */
    public record FieldError(String field, String message) {}

    public static Problem of(ProblemType type, String detail) {
        return of(type, type.status(), detail);
    }

    /** A problem of a kind whose status varies, such as an HTTP error raised by the framework. */
    public static Problem of(ProblemType type, int status, String detail) {
        return new Problem(type.uri(), type.title(), status, detail, null, List.of(), Map.of());
    }

    public Problem at(URI instance) {
        return new Problem(type, title, status, detail, instance, errors, members);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), members);
    }

    public Problem withMembers(Map<String, Object> extensionMembers) {
        return new Problem(
                type,
                title,
                status,
                detail,
                instance,
                errors,
                Collections.unmodifiableMap(new LinkedHashMap<>(extensionMembers)));
    }

    /**
     * This problem about a request path as the client sent it, quoted where it holds characters a URI may not; a path
     * too long to repeat or beyond quoting leaves the instance out.
     */
    public Problem at(String path) {
        if (path == null || path.length() > MAX_INSTANCE_LENGTH) {
            return this;
        }
        try {
            return at(new URI(null, null, path, null));
        } catch (URISyntaxException e) {
            return this;
        }
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** The answer to a request: this problem about the request's path. */
    public Response toResponse(UriInfo request) {
        return at(request.getPath()).toResponse();
    }
}
