package dev.artmint.platform.problem;

import java.net.URI;

/** The kinds of error ArtMint answers with; each has a stable type URI that clients may switch on. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    VALIDATION(400, "validation", "Invalid request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    URI_TOO_LONG(414, "uri-too-long", "Request URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
    HTTP_ERROR(400, "http-error", "Request failed"),
    SIWE_REJECTED(400, "siwe-rejected", "Sign-In with Ethereum message refused"),
    TRANSACTION_REVERTED(409, "transaction-reverted", "The chain would refuse this transaction"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    INTERNAL(500, "internal", "Internal error"),
    // kinds the application raises, never chosen for a framework status (see forStatus)
    BLOCKED_PROMPT(422, "blocked-prompt", "Prompt not allowed"),
    OUT_OF_CREDITS(429, "out-of-credits", "Out of credits"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    GENERATION_FAILED(500, "generation-failed", "Generation failed"),
    GENERATION_CANCELLED(409, "generation-cancelled", "Generation cancelled"),
    INSUFFICIENT_FUNDS(402, "insufficient-funds", "Insufficient funds"),
    LISTING_UNAVAILABLE(409, "listing-unavailable", "Listing not available"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key used for another request");

    private static final String BASE = "urn:artmint:problem:";

    private final int status;
    private final URI uri;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    /** The problem type for an HTTP status raised by the framework. */
    static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status
                    && type != VALIDATION
                    && type != HTTP_ERROR
                    && type.ordinal() <= INTERNAL.ordinal()) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : HTTP_ERROR;
    }
}
