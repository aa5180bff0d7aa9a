package dev.artmint.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The problem documents refusals become, as clients read them: standard members first, extensions beside them. */
@Tag("unit")
class RefusalTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void insufficientFundsStatesTheAmountsAsDecimalWeiBesideTheStandardMembers() throws Exception {
        Refusal refusal =
                Refusal.insufficientFunds("buying at 5 wei plus gas", BigInteger.valueOf(12), BigInteger.valueOf(4));
        JsonNode body = JSON.readTree(JSON.writeValueAsString(refusal.problem().at(URI.create("/api/x"))));

        assertEquals(
                List.of(
                        "type",
                        "title",
                        "status",
                        "detail",
                        "instance",
                        "amountNeededWei",
                        "balanceWei",
                        "shortfallWei"),
                fieldNames(body));
        assertEquals("urn:artmint:problem:insufficient-funds", body.get("type").asText());
        assertEquals(402, body.get("status").asInt());
        assertEquals(
                "your custodial wallet holds 4 wei; buying at 5 wei plus gas needs 12 wei, 8 wei more",
                body.get("detail").asText());
        assertEquals("12", body.get("amountNeededWei").asText());
        assertEquals("4", body.get("balanceWei").asText());
        assertEquals("8", body.get("shortfallWei").asText());
        assertNull(refusal.retryAfter());
    }

    @Test
    void anInvalidValueNamesItsField() throws Exception {
        JsonNode body = JSON.readTree(
                JSON.writeValueAsString(Refusal.invalid("cursor", "not ours").problem()));

        assertEquals("urn:artmint:problem:validation", body.get("type").asText());
        assertEquals(400, body.get("status").asInt());
        assertEquals("the request has an invalid field", body.get("detail").asText());
        assertEquals("cursor", body.get("errors").get(0).get("field").asText());
        assertEquals("not ours", body.get("errors").get(0).get("message").asText());
        assertFalse(body.has("members"), body.toString());
    }

    @Test
    void outOfCreditsSaysWhenToComeBack() {
        Instant now = Instant.parse("2026-12-01T23:59:30Z");
        Refusal refusal = Refusal.outOfCredits(4, 1, Instant.parse("2026-12-02T00:00:00Z"), now);

        assertEquals(ProblemType.OUT_OF_CREDITS, refusal.type());
        assertEquals(Duration.ofSeconds(30), refusal.retryAfter());
        assertEquals(
                "this request needs 4 credits and 1 are left; the daily allowance refills at 2026-12-02T00:00:00Z",
                refusal.getMessage());
        assertEquals(Duration.ofSeconds(1), Refusal.outOfCredits(1, 0, now, now).retryAfter(), "never less than 1 s");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
