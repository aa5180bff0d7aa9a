package dev.artmint.diffusion;

/** A generation request the pipeline refuses; {@code field} names the offending request field. */
public final class InvalidRequestException extends IllegalArgumentException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
