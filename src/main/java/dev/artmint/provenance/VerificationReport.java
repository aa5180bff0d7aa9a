package dev.artmint.provenance;

import java.util.ArrayList;
import java.util.List;

/** The outcome of verifying an artwork against its provenance record: one entry per check, in the order run. */
public record VerificationReport(String provenanceHash, boolean verified, boolean reproduced, List<Check> checks) {

    /** How a check ended; a skipped check says in its detail why it could not run. */
    public enum Outcome {
        PASSED,
        FAILED,
        SKIPPED
    }

    /** One check: a stable name, its outcome and a human-readable detail. */
    public record Check(String name, Outcome outcome, String detail) {}

    /** Collects checks; the report is verified when none failed, reproduced when the re-run check passed. */
    public static final class Builder {

        public static final String REPRODUCTION = "reproduction";

        private final String provenanceHash;
        private final List<Check> checks = new ArrayList<>();

        public Builder(String provenanceHash) {
            this.provenanceHash = provenanceHash;
        }

        public Builder check(String name, boolean passed, String passedDetail, String failedDetail) {
            checks.add(new Check(name, passed ? Outcome.PASSED : Outcome.FAILED, passed ? passedDetail : failedDetail));
            return this;
        }

        public Builder skipped(String name, String why) {
            checks.add(new Check(name, Outcome.SKIPPED, why));
            return this;
        }

        public VerificationReport build() {
            boolean verified = checks.stream().noneMatch(check -> check.outcome() == Outcome.FAILED);
            boolean reproduced = checks.stream()
                    .anyMatch(check -> check.name().equals(REPRODUCTION) && check.outcome() == Outcome.PASSED);
            return new VerificationReport(provenanceHash, verified, reproduced, List.copyOf(checks));
        }
    }
}
