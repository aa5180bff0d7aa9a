package dev.artmint.identity.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts wallet private keys with AES-256-GCM under the master key: a fresh 12-byte nonce per key, stored in front of
 * the ciphertext, and the owner's user id as associated data, so a key moved to another user's row does not decrypt.
 */
@ApplicationScoped
class KeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey masterKey;
    private final SecureRandom random = new SecureRandom();

    KeyCipher(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    byte[] encrypt(UUID owner, byte[] privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, owner, nonce, privateKey);
        return ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
    }

    byte[] decrypt(UUID owner, byte[] stored) {
        return run(
                Cipher.DECRYPT_MODE,
                owner,
                Arrays.copyOf(stored, NONCE_BYTES),
                Arrays.copyOfRange(stored, NONCE_BYTES, stored.length));
    }

    private byte[] run(int mode, UUID owner, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, masterKey.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "wallet key " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption") + " failed", e);
        }
    }
}
