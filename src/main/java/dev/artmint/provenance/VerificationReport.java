package dev.artmint.provenance;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of verifying an artwork against its provenance record: one entry per check, in the order run. A report
 * with a queued check is not final: it is verified only once no check failed and none is still queued.
 */
public record VerificationReport(String provenanceHash, boolean verified, boolean reproduced, List<Check> checks) {

    /** How a check ended; a skipped check says in its detail why it could not run, a queued one has yet to run. */
    public enum Outcome {
        PASSED,
        FAILED,
        SKIPPED,
        QUEUED
    }

    /** One check: a stable name, its outcome and a human-readable detail. */
    public record Check(String name, Outcome outcome, String detail) {}

    /** Collects checks; the report is verified when none failed or waits, reproduced when the re-run check passed. */
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

        public Builder queued(String name, String detail) {
            checks.add(new Check(name, Outcome.QUEUED, detail));
            return this;
        }

        public Builder add(Check check) {
            checks.add(check);
            return this;
        }

        public List<Check> checks() {
            return List.copyOf(checks);
        }

        public VerificationReport build() {
            boolean verified = checks.stream()
                    .noneMatch(check -> check.outcome() == Outcome.FAILED || check.outcome() == Outcome.QUEUED);
            boolean reproduced = checks.stream()
                    .anyMatch(check -> check.name().equals(REPRODUCTION) && check.outcome() == Outcome.PASSED);
            return new VerificationReport(provenanceHash, verified, reproduced, List.copyOf(checks));
        }
    }

    /** Whether a check is still waiting to run, so that this report will change. */
    public boolean complete() {
        return checks.stream().noneMatch(check -> check.outcome() == Outcome.QUEUED);
    }
}
