package dev.artmint.market;

import dev.artmint.platform.problem.ProblemType;

/** A marketplace request that cannot be carried out as asked, with the kind of problem to answer. */
public class MarketRefusedException extends RuntimeException {

    private final ProblemType type;

    public MarketRefusedException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }
}
