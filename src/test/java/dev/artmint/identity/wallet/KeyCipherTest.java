package dev.artmint.identity.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wallet keys seal under the master key and open under it or a previous key, never under a stranger's. */
@Tag("unit")
class KeyCipherTest {

    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final byte[] PRIVATE_KEY = new byte[32];

    static {
        PRIVATE_KEY[31] = 42;
    }

    @TempDir
    Path dir;

    @Test
    void aWalletSealedUnderAPreviousKeyOpensWhileTheRotationRuns() {
        SecretKey old = MasterKey.generate(dir.resolve("old.key"));
        SecretKey current = MasterKey.generate(dir.resolve("new.key"));
        byte[] sealedBefore = KeyCipher.seal(old, OWNER, PRIVATE_KEY);

        KeyCipher rotating = new KeyCipher(masterKey(current, Optional.of(List.of(base64(old)))));
        assertArrayEquals(PRIVATE_KEY, rotating.decrypt(OWNER, sealedBefore));
        byte[] sealedNow = rotating.encrypt(OWNER, PRIVATE_KEY);
        assertTrue(KeyCipher.open(old, OWNER, sealedNow).isEmpty(), "new wallets are sealed under the new key");
        assertArrayEquals(PRIVATE_KEY, KeyCipher.open(current, OWNER, sealedNow).orElseThrow());

        KeyCipher rotated = new KeyCipher(masterKey(current, Optional.empty()));
        assertThrows(IllegalStateException.class, () -> rotated.decrypt(OWNER, sealedBefore));
    }

    @Test
    void aKeyMovedToAnotherUsersRowDoesNotOpen() {
        SecretKey key = MasterKey.generate(dir.resolve("key"));
        byte[] sealed = KeyCipher.seal(key, OWNER, PRIVATE_KEY);
        assertTrue(KeyCipher.open(key, UUID.randomUUID(), sealed).isEmpty());
    }

    @Test
    void aMasterKeyThatIsNotBase64Of32BytesIsRefusedWithoutShowingIt() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> masterKey(MasterKey.generate(dir.resolve("k")), Optional.of(List.of("c2VjcmV0"))));
        assertTrue(refused.getMessage().contains("it has 6"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("c2VjcmV0"), refused.getMessage());
    }

    private static String base64(SecretKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private MasterKey masterKey(SecretKey key, Optional<List<String>> previous) {
        WalletConfig config = new WalletConfig() {
            @Override
            public Optional<String> masterKey() {
                return Optional.of(base64(key));
            }

            @Override
            public Optional<List<String>> previousMasterKeys() {
                return previous;
            }

            @Override
            public boolean generateMasterKey() {
                return false;
            }

            @Override
            public Siwe siwe() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Faucet faucet() {
                throw new UnsupportedOperationException();
            }
        };
        return new MasterKey(config, null);
    }
}
