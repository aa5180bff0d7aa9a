package dev.artmint.identity.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

/** A personal_sign signature recovers its signer; every malformed one is a 400 refusal, never an error. */
@Tag("unit")
class SiweSignatureTest {

    private static final String MESSAGE = "localhost:8080 wants you to sign in with your Ethereum account";
    // Anvil development account 1, from its public mnemonic: a throwaway key
    private static final Credentials KEY =
            Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    @Test
    void aSignatureRecoversItsSignerWithVAsWalletsWriteIt() {
        byte[] signature = sign();
        for (int v : new int[] {27, 0}) {
            signature[64] = (byte) (v + (signature[64] & 0xff) % 27);
            assertEquals(
                    KEY.getAddress(),
                    SiweLinks.recover(MESSAGE, "0x" + HexFormat.of().formatHex(signature)));
        }
    }

    @ParameterizedTest(name = "v = {0}")
    @ValueSource(ints = {2, 3, 26, 29, 30, 31, 35, 36, 37, 127, 128, 255})
    void anUnusualRecoveryByteIsRefused(int v) {
        byte[] signature = sign();
        signature[64] = (byte) v;
        assertRefused("0x" + HexFormat.of().formatHex(signature), "recovery byte v must be 27 or 28");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x", "0x00", "0xabcd", "1234"})
    void aSignatureOfAnotherLengthIsRefused(String signature) {
        assertRefused(signature, "must be 65 bytes");
    }

    @Test
    void tooLongASignatureIsRefused() {
        assertRefused("0x" + "ab".repeat(66), "must be 65 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0xzz", "0x" + "zz", "hello", "0x12 34", "0x-1", "0x\u0000ab", "0x١٢"})
    void aSignatureThatIsNotHexIsRefused(String signature) {
        assertRefused(signature.length() < 4 ? signature : signature + "00".repeat(64), "not hex");
    }

    @Test
    void rAndSThatAreNoPointOnTheCurveAreRefused() {
        assertRefused("0x" + "00".repeat(64) + "1b", "does not verify");
        assertRefused("0x" + "ff".repeat(64) + "1c", "does not verify");
    }

    private static byte[] sign() {
        Sign.SignatureData data =
                Sign.signPrefixedMessage(MESSAGE.getBytes(StandardCharsets.UTF_8), KEY.getEcKeyPair());
        byte[] bytes = new byte[65];
        System.arraycopy(data.getR(), 0, bytes, 0, 32);
        System.arraycopy(data.getS(), 0, bytes, 32, 32);
        bytes[64] = data.getV()[0];
        return bytes;
    }

    private static void assertRefused(String signature, String reason) {
        Refusal refusal = assertThrows(Refusal.class, () -> SiweLinks.recover(MESSAGE, signature));
        assertEquals(ProblemType.SIWE_REJECTED, refusal.type());
        assertEquals(400, refusal.type().status());
        assertTrue(refusal.getMessage().contains(reason), refusal.getMessage());
    }
}
