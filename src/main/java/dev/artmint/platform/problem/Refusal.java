package dev.artmint.platform.problem;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request ArtMint will not carry out as asked: the one exception every feature throws for a refusal. It carries the
 * problem to answer (a stable {@link ProblemType}, its status and a detail), the fields at fault and extension members
 * such as {@code amountNeededWei}, so that the same condition reads the same wherever it is met.
 */
public final class Refusal extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> members;
    private final Duration retryAfter;

    private Refusal(
            ProblemType type,
            String detail,
            List<Problem.FieldError> errors,
            Map<String, Object> members,
            Duration retryAfter) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.members = members;
        this.retryAfter = retryAfter;
    }

    public static Refusal of(ProblemType type, String detail) {
        return new Refusal(type, detail, List.of(), Map.of(), null);
    }

    /** A request field or query parameter whose value cannot be used: a validation problem naming it. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(
                ProblemType.VALIDATION,
                "the request has an invalid field",
                List.of(new Problem.FieldError(field, message)),
                Map.of(),
                null);
    }

    /** A custodial wallet holds less ether than a request needs: its price and the most its gas can cost. */
    public static Refusal insufficientFunds(String purpose, BigInteger needed, BigInteger balance) {
        Map<String, Object> amounts = new LinkedHashMap<>();
        amounts.put("amountNeededWei", needed.toString());
        amounts.put("balanceWei", balance.toString());
        amounts.put("shortfallWei", needed.subtract(balance).toString());
        return new Refusal(
                ProblemType.INSUFFICIENT_FUNDS,
                "your custodial wallet holds " + balance + " wei; " + purpose + " needs " + needed + " wei, "
                        + needed.subtract(balance) + " wei more",
                List.of(),
                amounts,
                null);
    }

    /** A request needs more credits than the user has left; the allowance refills at {@code refillsAt}. */
    public static Refusal outOfCredits(int needed, int available, Instant refillsAt, Instant now) {
        return new Refusal(
                ProblemType.OUT_OF_CREDITS,
                "this request needs " + needed + " credits and " + available
                        + " are left; the daily allowance refills at " + refillsAt,
                List.of(),
                Map.of(),
                Duration.ofSeconds(Math.max(1, Duration.between(now, refillsAt).toSeconds())));
    }

    /** A user asked for an action more often than its rate limit allows; a token is back after {@code retryAfter}. */
    public static Refusal rateLimited(String detail, Duration retryAfter) {
        return new Refusal(
                ProblemType.RATE_LIMITED,
                detail,
                List.of(),
                Map.of("retryAfterSeconds", retryAfter.toSeconds()),
                retryAfter);
    }

    /** The same refusal, with one more field at fault. */
    public Refusal withError(String field, String message) {
        List<Problem.FieldError> more = new ArrayList<>(errors);
        more.add(new Problem.FieldError(field, message));
        return new Refusal(type, getMessage(), more, members, retryAfter);
    }

    public ProblemType type() {
        return type;
    }

    public Problem problem() {
        return Problem.of(type, getMessage()).withErrors(errors).withMembers(members);
    }

    /** How long a client should wait before asking again, for a refusal that passes by itself; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
