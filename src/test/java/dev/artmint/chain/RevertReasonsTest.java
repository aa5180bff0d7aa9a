package dev.artmint.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.Response;

@Tag("unit")
class RevertReasonsTest {

    /** ABI-encoded tokenId 7, as it follows the selector in revert data. */
    private static final String TOKEN_7 = "0".repeat(63) + "7";

    @Test
    void revertDataIsNamedByItsSelectorFromEitherContract() {
        assertEquals("NotListed", RevertReasons.name(selector("NotListed(uint256)") + TOKEN_7));
        assertEquals(
                "NotTokenOwner",
                RevertReasons.name(selector("NotTokenOwner(uint256,address)") + TOKEN_7 + "0".repeat(24)
                        + "f39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
        assertEquals("TokenAlreadyMinted", RevertReasons.name(selector("TokenAlreadyMinted(uint256)") + TOKEN_7));
        assertEquals(
                "AccessControlUnauthorizedAccount",
                RevertReasons.name(selector("AccessControlUnauthorizedAccount(address,bytes32)")));
    }

    @Test
    void theSelectorIsMatchedWhateverItsCase() {
        assertEquals(
                "NotListed",
                RevertReasons.name(selector("NotListed(uint256)").toUpperCase().replace("0X", "0x")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "0x",
                "0x8b47",
                "8b474e54000000",
                "0x08c379a0" /* Error(string), a revert string */,
                "0xdeadbeef00000000"
            })
    void dataWithoutOneOfOurSelectorsHasNoName(String data) {
        assertNull(RevertReasons.name(data));
    }

    @Test
    void aNodeErrorIsDescribedByTheErrorItsDataNamesElseByItsMessage() {
        Response.Error named = new Response.Error(3, "execution reverted");
        // some nodes send the data as a JSON string, quotes and all
        named.setData("\"" + selector("CannotBuyOwnListing(uint256)") + TOKEN_7 + "\"");
        assertEquals("CannotBuyOwnListing", RevertReasons.describe(named));

        Response.Error unnamed = new Response.Error(3, "execution reverted: out of stock");
        unnamed.setData("0x08c379a0");
        assertEquals("execution reverted: out of stock", RevertReasons.describe(unnamed));

        assertEquals(
                "insufficient funds for transfer",
                RevertReasons.describe(new Response.Error(-32000, "insufficient funds for transfer")));
    }

    private static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }
}
