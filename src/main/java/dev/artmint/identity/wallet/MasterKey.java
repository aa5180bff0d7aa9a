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
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 master key of the custodial wallets: from configuration, or, where the local stack asks for it, generated
 * once into {@code <data-dir>/wallet-master.key} readable by its owner only.
 */
@ApplicationScoped
class MasterKey {

    private static final int KEY_BYTES = 32;

    private final SecretKey key;

    MasterKey(WalletConfig config, PlatformConfig platform) {
        byte[] bytes = config.masterKey().map(MasterKey::decode).orElseGet(() -> {
            if (!config.generateMasterKey()) {
                throw new IllegalStateException("artmint.wallet.master-key is not configured");
            }
            return loadOrGenerate(platform.dataDir().resolve("wallet-master.key"));
        });
        this.key = new SecretKeySpec(bytes, "AES");
    }

    SecretKey key() {
        return key;
    }

    private static byte[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(
                    "artmint.wallet.master-key must be base64 of 32 bytes, it has " + bytes.length);
        }
        return bytes;
    }

    private static byte[] loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            byte[] bytes = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.TRUNCATE_EXISTING);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the wallet master key in " + file, e);
        }
    }
}
