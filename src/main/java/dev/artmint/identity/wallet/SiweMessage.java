package dev.artmint.identity.wallet;

import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an EIP-4361 (Sign-In with Ethereum) message that ArtMint checks. Parsing checks the layout only;
 * {@link SiweLinks} checks the values.
 */
record SiweMessage(
        String domain,
        String address,
        String uri,
        String version,
        long chainId,
        String nonce,
        Instant issuedAt,
        Optional<Instant> expirationTime,
        Optional<Instant> notBefore) {

    private static final String PREAMBLE = " wants you to sign in with your Ethereum account:";

    static SiweMessage parse(String message) {
        List<String> lines = message.lines().toList();
        if (lines.size() < 2 || !lines.get(0).endsWith(PREAMBLE)) {
            throw Refusal.of(ProblemType.SIWE_REJECTED, "the message is not an EIP-4361 sign-in message");
        }
        String domain = lines.get(0).substring(0, lines.get(0).length() - PREAMBLE.length());
        String address = lines.get(1).trim();
        if (!address.matches("0x[0-9a-fA-F]{40}")) {
            throw Refusal.of(ProblemType.SIWE_REJECTED, "the message's second line is not an Ethereum address");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.putIfAbsent(
                        line.substring(0, colon), line.substring(colon + 2).trim());
            }
        }
        try {
            return new SiweMessage(
                    domain,
                    address,
                    required(fields, "URI"),
                    required(fields, "Version"),
                    Long.parseLong(required(fields, "Chain ID")),
                    required(fields, "Nonce"),
                    Instant.parse(required(fields, "Issued At")),
                    Optional.ofNullable(fields.get("Expiration Time")).map(Instant::parse),
                    Optional.ofNullable(fields.get("Not Before")).map(Instant::parse));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw Refusal.of(ProblemType.SIWE_REJECTED, "the message has a malformed field: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw Refusal.of(ProblemType.SIWE_REJECTED, "the message has no " + name);
        }
        return value;
    }
}
