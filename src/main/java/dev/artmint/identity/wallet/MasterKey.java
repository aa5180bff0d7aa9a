package dev.artmint.identity.wallet;

import dev.artmint.platform.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 master key of the custodial wallets: from configuration, or, where the local stack asks for it, generated
 * once into {@code <data-dir>/wallet-master.key} readable by its owner only. While a rotation runs, the previous keys
 * ({@code artmint.wallet.previous-master-keys}) still decrypt the wallets not yet re-encrypted; new ones use the key.
 */
@ApplicationScoped
class MasterKey {

    private static final int KEY_BYTES = 32;

    private final SecretKey key;
    private final List<SecretKey> keys;

    MasterKey(WalletConfig config, PlatformConfig platform) {
        byte[] bytes = config.masterKey().map(MasterKey::decode).orElseGet(() -> {
            if (!config.generateMasterKey()) {
                throw new IllegalStateException("artmint.wallet.master-key is not configured");
            }
            return loadOrGenerate(platform.dataDir().resolve("wallet-master.key"));
        });
        this.key = aes(bytes);
        List<SecretKey> all = new ArrayList<>(List.of(key));
        config.previousMasterKeys().orElse(List.of()).forEach(previous -> all.add(aes(decode(previous))));
        this.keys = List.copyOf(all);
    }

    /** The key new wallets are encrypted under. */
    SecretKey key() {
        return key;
    }

    /** The key, then the previous keys: the ones a stored wallet key may be encrypted under. */
    List<SecretKey> keys() {
        return keys;
    }

    /** A key kept in a file as base64 of 32 bytes, such as {@code <data-dir>/wallet-master.key}. */
    static SecretKey read(Path file) {
        try {
            return aes(decode(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a master key from " + file, e);
        }
    }

    /** Writes a fresh random key into a new file readable by its owner only, and answers it. */
    static SecretKey generate(Path file) {
        SecretKey key = random();
        write(file, key);
        return key;
    }

    /** A fresh random key. */
    static SecretKey random() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return aes(bytes);
    }

    /** Keeps {@code key} in {@code file}, which must not exist yet, readable by its owner only. */
    static void write(Path file, SecretKey key) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    file,
                    Base64.getEncoder().encodeToString(key.getEncoded()),
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a new master key into " + file, e);
        }
    }

    private static SecretKey aes(byte[] bytes) {
        return new SecretKeySpec(bytes, "AES");
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a wallet master key must be base64 of 32 bytes; this is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("a wallet master key must be base64 of 32 bytes, it has " + bytes.length);
        }
        return bytes;
    }

    private static byte[] loadOrGenerate(Path file) {
        return (Files.exists(file) ? read(file) : generate(file)).getEncoded();
    }
}
