package dev.artmint.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.chain.ChainNode.SendResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the outbox reads a node's JSON-RPC error answer to a signed transaction: code, message and data. */
@Tag("unit")
class ChainNodeTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                // geth and anvil
                "-32000|already known|null|ACCEPTED",
                "-32003|ALREADY KNOWN|null|ACCEPTED",
                "-32000|nonce too low|null|NONCE_USED",
                "-32003|nonce too low: next nonce 12, tx nonce 11|null|NONCE_USED",
                "-32000|replacement transaction underpriced|null|UNDERPRICED",
                "-32000|max fee per gas less than block base fee|null|UNDERPRICED",
                "-32003|insufficient funds for gas * price + value|null|REFUSED",
                "-32000|intrinsic gas too low|null|REFUSED",
                "-32000|nonce too high|null|REFUSED",
                // OpenEthereum and Nethermind: the reason in the message or in the data
                "-32010|Transaction with the same hash was already imported.|null|ACCEPTED",
                "-32010|Transaction nonce is too low. Try incrementing the nonce.|null|NONCE_USED",
                "-32010|Invalid transaction|OldNonce|NONCE_USED",
                "-32010|Invalid transaction|FeeTooLow|UNDERPRICED",
                "-32010|Invalid transaction|InsufficientFunds|REFUSED",
                // besu
                "-32000|Known transaction|null|ACCEPTED",
                "-32001|Nonce too low|null|NONCE_USED",
                // a reason that names no known case is still a verdict on the transaction
                "-32003|transaction rejected|null|REFUSED",
                "-32000||null|REFUSED",
                // failures of the node say nothing about the transaction, whatever their text
                "-32603|internal error: nonce too low cache miss|null|UNAVAILABLE",
                "-32005|limit exceeded|null|UNAVAILABLE",
                "-32002|resource unavailable|null|UNAVAILABLE"
            })
    void theCodeSaysWhetherItIsAVerdictAndTheReasonSaysWhich(
            int code, String message, String data, SendResult meaning) {
        assertEquals(meaning, SendResult.ofRefusal(code, message, data));
    }
}
