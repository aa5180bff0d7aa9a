package dev.artmint.identity.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.market.MarketApi;
import dev.artmint.platform.LocalStackResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;

/**
 * {@code artmint rotate-master-key} on the real database: every wallet moves to the new key in one transaction, a run
 * with the wrong old key changes nothing, a second run finds every wallet current, and each key still derives its
 * wallet's address. The test moves the wallets back to the running service's key before it ends.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class MasterKeyRotationTest {

    private static final Path SERVICE_KEY = Path.of("target/test-stack/wallet-master.key");

    @Inject
    AgroalDataSource database;

    @Inject
    Wallets wallets;

    private final Path dir = temporaryDirectory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void everyWalletMovesToTheNewKeyAllOrNothingAndAgainHarmlessly() throws Exception {
        List<String> addresses = List.of("ada", "bo", "admin").stream()
                .map(MarketApi::walletAddress)
                .toList();
        Map<UUID, String> before = stored();
        assertTrue(before.size() >= 3, "wallets: " + before.size());
        Path newKey = dir.resolve("new.key");
        try {
            Path wrongKey = dir.resolve("wrong.key");
            MasterKey.generate(wrongKey);
            assertEquals(RotateMasterKeyCommand.FAILED, rotate(wrongKey, dir.resolve("unused.key"), "--generate"));
            assertTrue(
                    err.toString().contains("encrypted under neither the old nor the new master key"), err.toString());
            assertEquals(before, stored(), "a failed rotation changes no wallet");
            assertFalse(Files.exists(dir.resolve("unused.key")), "and keeps no key it generated");

            assertEquals(RotateMasterKeyCommand.OK, rotate(SERVICE_KEY, newKey, "--generate"), err.toString());
            assertEquals(
                    "rotate-master-key: " + before.size() + " wallets re-encrypted under the new key, 0 already were",
                    lastLine(out));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(newKey)));
            assertOpenOnlyUnder(MasterKey.read(newKey), MasterKey.read(SERVICE_KEY));

            assertEquals(RotateMasterKeyCommand.OK, rotate(SERVICE_KEY, newKey), err.toString());
            assertEquals(
                    "rotate-master-key: 0 wallets re-encrypted under the new key, " + before.size() + " already were",
                    lastLine(out));
        } finally {
            assertEquals(RotateMasterKeyCommand.OK, rotate(newKey, SERVICE_KEY), err.toString());
        }
        assertOpenOnlyUnder(MasterKey.read(SERVICE_KEY), MasterKey.read(newKey));
        for (String address : addresses) {
            assertEquals(address, wallets.of(address).orElseThrow().getAddress(), "the service signs again");
        }
        assertFalse(out.toString().contains(Files.readString(newKey).strip()), "the command prints no key");
    }

    @Test
    void withoutItsOptionsTheCommandAnswersUsage() {
        assertEquals(
                RotateMasterKeyCommand.USAGE,
                RotateMasterKeyCommand.run(Map.of(), new PrintStream(out), new PrintStream(err), "--old-key-file"));
        assertEquals(
                RotateMasterKeyCommand.USAGE,
                RotateMasterKeyCommand.run(
                        Map.of(),
                        new PrintStream(out),
                        new PrintStream(err),
                        "--old-key-file",
                        "a",
                        "--new-key-file",
                        "b"));
        assertTrue(err.toString().contains("a JDBC URL are required"), err.toString());
    }

    private int rotate(Path from, Path to, String... more) throws Exception {
        var config = ConfigProvider.getConfig();
        Path password = dir.resolve("db-password");
        Files.writeString(password, config.getValue("quarkus.datasource.password", String.class) + "\n");
        Map<String, String> environment = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", config.getValue("quarkus.datasource.jdbc.url", String.class),
                "QUARKUS_DATASOURCE_USERNAME", config.getValue("quarkus.datasource.username", String.class),
                "QUARKUS_DATASOURCE_PASSWORD_FILE", password.toString());
        String[] args = new String[4 + more.length];
        args[0] = "--old-key-file";
        args[1] = from.toString();
        args[2] = "--new-key-file";
        args[3] = to.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return RotateMasterKeyCommand.run(
                environment, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err), args);
    }

    /** Every wallet opens under {@code key}, not under {@code other}, and its key derives its address. */
    private void assertOpenOnlyUnder(SecretKey key, SecretKey other) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select user_id, address, encrypted_key from wallet")) {
            while (rows.next()) {
                UUID owner = rows.getObject(1, UUID.class);
                byte[] stored = rows.getBytes(3);
                assertTrue(KeyCipher.open(other, owner, stored).isEmpty(), "not under the other key: " + owner);
                byte[] privateKey = KeyCipher.open(key, owner, stored).orElseThrow();
                assertEquals(
                        rows.getString(2),
                        Credentials.create(ECKeyPair.create(privateKey)).getAddress());
            }
        }
    }

    private Map<UUID, String> stored() throws SQLException {
        Map<UUID, String> stored = new TreeMap<>();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select user_id, encrypted_key from wallet")) {
            while (rows.next()) {
                stored.put(rows.getObject(1, UUID.class), HexFormat.of().formatHex(rows.getBytes(2)));
            }
        }
        return stored;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("master-key-rotation");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String lastLine(ByteArrayOutputStream stream) {
        String[] lines = stream.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1];
    }
}
