package dev.artmint.market;

import java.util.Optional;

import dev.artmint.platform.problem.ProblemType;

/** A mint or token request that cannot be carried out as asked, with the kind of problem and, if any, the field at fault. */
public class TokenRefusedException extends RuntimeException {

    private final ProblemType type;
    private final String field;

    public TokenRefusedException(ProblemType type, String detail) {
        this(type, null, detail);
    }

    private TokenRefusedException(ProblemType type, String field, String detail) {
        super(detail);
        this.type = type;
        this.field = field;
    }

    /** A request field whose value is well-formed but not acceptable. */
    public static TokenRefusedException invalid(String field, String message) {
        return new TokenRefusedException(ProblemType.VALIDATION, field, message);
    }

    public ProblemType type() {
        return type;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
