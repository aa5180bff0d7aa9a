package dev.artmint.identity.wallet;

import dev.artmint.platform.problem.ProblemType;

/** A wallet request that cannot be carried out as asked, with the kind of problem to answer. */
public class WalletRefusedException extends RuntimeException {

    private final ProblemType type;

    public WalletRefusedException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }
}
