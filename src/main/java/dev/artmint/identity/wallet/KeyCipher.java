package dev.artmint.identity.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts wallet private keys with AES-256-GCM under the master key: a fresh 12-byte nonce per key, stored in front of
 * the ciphertext, and the owner's user id as associated data, so a key moved to another user's row does not decrypt.
 * Decryption tries the master key, then the previous ones that a rotation still in progress may have left on some rows;
 * GCM's tag tells a wrong key apart.
 */
@ApplicationScoped
class KeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey masterKey;

    KeyCipher(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    byte[] encrypt(UUID owner, byte[] privateKey) {
        return seal(masterKey.key(), owner, privateKey);
    }

    byte[] decrypt(UUID owner, byte[] stored) {
        for (SecretKey key : masterKey.keys()) {
            Optional<byte[]> opened = open(key, owner, stored);
            if (opened.isPresent()) {
                return opened.get();
            }
        }
        throw new IllegalStateException("the wallet key of user " + owner + " decrypts under none of the master keys");
    }

    /** nonce || AES-GCM(key, nonce, aad = owner, privateKey). */
    static byte[] seal(SecretKey key, UUID owner, byte[] privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, owner, nonce, privateKey);
        return ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /**
     * The private key sealed in {@code stored}, or empty when it was sealed under another key (or for another user).
     */
    static Optional<byte[]> open(SecretKey key, UUID owner, byte[] stored) {
        try {
            return Optional.of(run(
                    Cipher.DECRYPT_MODE,
                    key,
                    owner,
                    Arrays.copyOf(stored, NONCE_BYTES),
                    Arrays.copyOfRange(stored, NONCE_BYTES, stored.length)));
        } catch (WrongKey e) {
            return Optional.empty();
        }
    }

    private static byte[] run(int mode, SecretKey key, UUID owner, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new WrongKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "wallet key " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption") + " failed", e);
        }
    }

    /** The tag did not verify: another key, another owner, or altered bytes. */
    private static final class WrongKey extends RuntimeException {
        WrongKey() {
            super(null, null, false, false);
        }
    }
}
