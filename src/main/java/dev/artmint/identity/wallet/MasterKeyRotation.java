package dev.artmint.identity.wallet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;

/**
 * Re-encrypts every custodial wallet key under a new master key, in one database transaction that locks the wallet
 * rows: it commits all of them or none. A row already under the new key is left as it is, so a second run is harmless;
 * a row that opens under neither key, or whose key no longer derives its address, stops the rotation before anything is
 * written.
 */
final class MasterKeyRotation {

    /** What a rotation did: rows re-encrypted, and rows found already under the new key. */
    record Result(int reEncrypted, int alreadyCurrent) {}

    /** A wallet key that cannot be moved to the new key; nothing was changed. */
    static final class RotationFailed extends Exception {
        RotationFailed(String message) {
            super(message);
        }
    }

    private record Row(UUID owner, String address, byte[] stored) {}

    private MasterKeyRotation() {}

    /** Rotates; {@code beforeCommit} runs last before the commit, to keep a new key before any wallet needs it. */
    static Result rotate(Connection connection, SecretKey from, SecretKey to, Runnable beforeCommit)
            throws SQLException, RotationFailed {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Result result = reEncrypt(connection, from, to);
            beforeCommit.run();
            connection.commit();
            return result;
        } catch (SQLException | RotationFailed | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Result reEncrypt(Connection connection, SecretKey from, SecretKey to)
            throws SQLException, RotationFailed {
        int alreadyCurrent = 0;
        List<Row> rows = lockAll(connection);
        try (PreparedStatement update =
                connection.prepareStatement("update wallet set encrypted_key = ? where user_id = ?")) {
            int reEncrypted = 0;
            for (Row row : rows) {
                if (KeyCipher.open(to, row.owner(), row.stored()).isPresent()) {
                    alreadyCurrent++;
                    continue;
                }
                Optional<byte[]> privateKey = KeyCipher.open(from, row.owner(), row.stored());
                if (privateKey.isEmpty()) {
                    throw new RotationFailed("the wallet of user " + row.owner()
                            + " is encrypted under neither the old nor the new master key; nothing was changed");
                }
                String derived =
                        Credentials.create(ECKeyPair.create(privateKey.get())).getAddress();
                if (!derived.equalsIgnoreCase(row.address())) {
                    throw new RotationFailed("the key of wallet " + row.address() + " derives another address; "
                            + "nothing was changed");
                }
                update.setBytes(1, KeyCipher.seal(to, row.owner(), privateKey.get()));
                update.setObject(2, row.owner());
                update.addBatch();
                reEncrypted++;
            }
            update.executeBatch();
            return new Result(reEncrypted, alreadyCurrent);
        }
    }

    private static List<Row> lockAll(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "select user_id, address, encrypted_key from wallet order by user_id for update");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new Row(result.getObject(1, UUID.class), result.getString(2), result.getBytes(3)));
            }
        }
        return rows;
    }
}
