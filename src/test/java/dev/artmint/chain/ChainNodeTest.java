package dev.artmint.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.chain.ChainNode.SendResult;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the outbox reads a node's error answer to a signed transaction. */
@Tag("unit")
class ChainNodeTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "already known|ACCEPTED",
                "Transaction already imported|ACCEPTED",
                "ALREADY KNOWN|ACCEPTED",
                "nonce too low|NONCE_USED",
                "nonce too low: next nonce 12, tx nonce 11|NONCE_USED",
                "Nonce too low. Expected nonce to be 3 but got 2.|NONCE_USED"
            })
    void answersThatTheTransactionIsInOrItsNonceTakenAreNotRefusals(String nodeMessage, SendResult meaning) {
        assertEquals(Optional.of(meaning), SendResult.ofRefusal(nodeMessage));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "insufficient funds for gas * price + value",
                "replacement transaction underpriced",
                "nonce too high",
                "max fee per gas less than block base fee",
                "intrinsic gas too low",
                ""
            })
    void everythingElseIsARefusal(String nodeMessage) {
        assertEquals(Optional.empty(), SendResult.ofRefusal(nodeMessage));
    }
}
