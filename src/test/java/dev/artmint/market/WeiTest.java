package dev.artmint.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class WeiTest {

    private final Wei.Validator validator = new Wei.Validator();

    @Test
    void theHighestPriceIsArtMarketsUint96() {
        assertEquals(new BigInteger("79228162514264337593543950335"), Wei.MAX);
        assertEquals(96, Wei.MAX.bitLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "01", "250000000000000000", "79228162514264337593543950335"})
    void wholePositiveAmountsUpToTheMaximumAreValid(String wei) {
        assertTrue(validator.isValid(wei, null), wei);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "000",
                "-1",
                "+1",
                " 1",
                "1 ",
                "1.0",
                "1e18",
                "0x10",
                "",
                "79228162514264337593543950336",
                "1000000000000000000000000000000",
                "0000000000000000000000000000001"
            })
    void zeroNegativeDecimalOrTooLargeAmountsAreNot(String wei) {
        assertFalse(validator.isValid(wei, null), wei);
    }

    @Test
    void anAbsentAmountIsLeftToNotNull() {
        assertTrue(validator.isValid(null, null));
    }

    @Test
    void theMessageNamesTheRange() throws NoSuchMethodException {
        String message = (String) Wei.class.getMethod("message").getDefaultValue();

        assertTrue(message.contains("from 1 to " + Wei.MAX + " (2^96 - 1)"), message);
    }
}
