package dev.artmint.market;

/** A browse or profile request parameter that cannot be used, with the parameter's name. */
class InvalidQueryException extends RuntimeException {

    private final String field;

    InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
