package dev.artmint.market;

import java.util.Optional;

import dev.artmint.platform.problem.ProblemType;

/**
 * A marketplace request that cannot be carried out as asked, with the kind of problem to answer and, for a
 * well-formed but unacceptable value, the field or parameter at fault.
 */
public class MarketRefusedException extends RuntimeException {

    private final ProblemType type;
    private final String field;

    public MarketRefusedException(ProblemType type, String detail) {
        this(type, null, detail);
    }

    private MarketRefusedException(ProblemType type, String field, String detail) {
        super(detail);
        this.type = type;
        this.field = field;
    }

    /** A request field or query parameter whose value cannot be used; answered as a validation problem naming it. */
    public static MarketRefusedException invalid(String field, String message) {
        return new MarketRefusedException(ProblemType.VALIDATION, field, message);
    }

    public ProblemType type() {
        return type;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
