package dev.artmint.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.artmint.diffusion.InvalidRequestException;
import dev.artmint.storage.ObjectStoreException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every exception that leaves a resource into a problem document; stack traces stay in the log. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri, "a valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (databaseUnreachable(e)) {
            // the token was fine; its user could not be looked up
            return databaseDown(e, uri);
        }
        return unauthorized(uri, "the bearer token was rejected");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "your roles do not allow this request"), uri);
    }

    @ServerExceptionMapper
    public Response refused(Refusal e, UriInfo uri) {
        Response answer = e.problem().toResponse(uri);
        if (e.retryAfter() == null) {
            return answer;
        }
        return Response.fromResponse(answer)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfter().toSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(
                Problem.of(ProblemType.VALIDATION, "the request has invalid fields")
                        .withErrors(errors),
                uri);
    }

    @ServerExceptionMapper
    public Response invalidGeneration(InvalidRequestException e, UriInfo uri) {
        String message = e.getMessage().substring(e.field().length() + 2);
        return respond(
                Problem.of(ProblemType.VALIDATION, "the request has an invalid field")
                        .withErrors(List.of(new Problem.FieldError(e.field(), message))),
                uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder response =
                Response.fromResponse(respond(Problem.of(type, status, detail(type, e)), uri));
        // keep the headers the framework set, such as Allow on a 405
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnreachable(e)) {
            return databaseDown(e, uri);
        }
        UUID reference = UUID.randomUUID();
        LOG.errorf(e, "unexpected error, reference %s, on %s", reference, uri.getPath());
        return respond(
                Problem.of(
                        ProblemType.INTERNAL,
                        "an unexpected error occurred; quote reference " + reference + " when reporting it"),
                uri);
    }

    private static Response unauthorized(UriInfo uri, String detail) {
        return Response.fromResponse(respond(Problem.of(ProblemType.UNAUTHORIZED, detail), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response objectStoreDown(ObjectStoreException e, UriInfo uri) {
        LOG.warnf("object store unavailable on %s: %s", uri.getPath(), e.getMessage());
        return Response.fromResponse(respond(
                        Problem.of(
                                ProblemType.SERVICE_UNAVAILABLE,
                                "the object store cannot be reached; nothing was changed, try again shortly"),
                        uri))
                .header(HttpHeaders.RETRY_AFTER, 30)
                .build();
    }

    private static Response databaseDown(Throwable e, UriInfo uri) {
        LOG.warnf("database unavailable on %s: %s", uri.getPath(), rootMessage(e));
        return Response.fromResponse(respond(
                        Problem.of(
                                ProblemType.SERVICE_UNAVAILABLE,
                                "the database cannot be reached; nothing was changed, try again shortly"),
                        uri))
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                .build();
    }

    /**
     * Whether a failure, or one of its causes, is the database being out of reach: SQLSTATE class 08 (no connection, or
     * a connection lost), 57P01 to 57P03 (the server shutting down, crashed or starting up), or the pool's timeout for
     * a connection. However the layers above wrapped it, what failed is the database, not the request.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.matches("57P0[123]"))) {
                    return true;
                }
                if (state == null
                        && String.valueOf(sql.getMessage())
                                .toLowerCase(Locale.ROOT)
                                .contains("acquisition timeout")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private Response malformed(JsonProcessingException e, UriInfo uri) {
        // a string the body's reader refused (a control character) names its field
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refused(refusal, uri);
            }
        }
        String where =
                e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                        ? " at " + mapping.getPathReference().replaceFirst("^[^\\[]*", "")
                        : "";
        String detail = "the body is not valid JSON for this request" + where;
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, detail), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return problem.toResponse(uri);
    }

    private static String detail(ProblemType type, WebApplicationException e) {
        return switch (type) {
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this resource does not accept that method";
            case UNSUPPORTED_MEDIA_TYPE -> "this resource does not accept that content type";
            case NOT_ACCEPTABLE -> "this resource cannot answer in the requested media type";
            default -> e.getMessage();
        };
    }

    /** The request field a violation is about: the last property or parameter name of its path. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                field = node.getName();
            }
        }
        return field == null ? violation.getPropertyPath().toString() : field;
    }
}
