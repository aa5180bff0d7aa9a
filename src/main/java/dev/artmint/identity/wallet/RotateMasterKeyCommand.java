package dev.artmint.identity.wallet;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * {@code artmint rotate-master-key}: re-encrypts every custodial wallet under a new master key (see
 * {@link MasterKeyRotation}). Keys and the database password come from files or the environment, never from the command
 * line, and are never printed.
 */
public final class RotateMasterKeyCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Set<String> VALUED =
            Set.of("--old-key-file", "--new-key-file", "--jdbc-url", "--username", "--password-file");
    private static final String USAGE_TEXT = """
            usage: artmint rotate-master-key --old-key-file FILE --new-key-file FILE [--generate] [database]
              --old-key-file FILE    the master key the wallets are encrypted under now (base64 of 32 bytes)
              --new-key-file FILE    the master key to re-encrypt them under
              --generate             write a fresh random key into --new-key-file (mode 600), which must not exist,
                                     just before the wallets are committed under it
            database (default: the service's QUARKUS_DATASOURCE_* environment variables):
              --jdbc-url URL         default $QUARKUS_DATASOURCE_JDBC_URL
              --username NAME        default $QUARKUS_DATASOURCE_USERNAME
              --password-file FILE   default $QUARKUS_DATASOURCE_PASSWORD_FILE, else $QUARKUS_DATASOURCE_PASSWORD
            All wallets are re-encrypted in one transaction, or none. Wallets already under the new key are kept, so
            the command can run again. See docs/operations.md, "Rotating the wallet master key".
            """;

    private RotateMasterKeyCommand() {}

    public static int run(String... args) {
        return run(System.getenv(), System.out, System.err, args);
    }

    static int run(Map<String, String> environment, PrintStream out, PrintStream err, String... args) {
        Map<String, String> options = new HashMap<>();
        boolean generate = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--generate")) {
                generate = true;
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.print(USAGE_TEXT);
                return OK;
            } else if (VALUED.contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                err.println("rotate-master-key: unknown or incomplete option " + args[i]);
                err.print(USAGE_TEXT);
                return USAGE;
            }
        }
        Optional<String> jdbcUrl = option(options, "--jdbc-url", environment, "QUARKUS_DATASOURCE_JDBC_URL");
        if (!options.containsKey("--old-key-file") || !options.containsKey("--new-key-file") || jdbcUrl.isEmpty()) {
            err.println("rotate-master-key: --old-key-file, --new-key-file and a JDBC URL are required");
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            SecretKey from = MasterKey.read(Path.of(options.get("--old-key-file")));
            Path newKeyFile = Path.of(options.get("--new-key-file"));
            if (generate && Files.exists(newKeyFile)) {
                err.println("rotate-master-key: " + newKeyFile + " exists; --generate writes a new file");
                return FAILED;
            }
            SecretKey to = generate ? MasterKey.random() : MasterKey.read(newKeyFile);
            // a generated key is kept before the wallets are committed under it, and not kept when they are not
            Runnable keep = generate ? () -> MasterKey.write(newKeyFile, to) : () -> {};
            try (Connection connection = DriverManager.getConnection(
                    jdbcUrl.get(),
                    option(options, "--username", environment, "QUARKUS_DATASOURCE_USERNAME")
                            .orElse(null),
                    password(options, environment))) {
                MasterKeyRotation.Result result = MasterKeyRotation.rotate(connection, from, to, keep);
                out.printf(
                        "rotate-master-key: %d wallets re-encrypted under the new key, %d already were%n",
                        result.reEncrypted(), result.alreadyCurrent());
                return OK;
            }
        } catch (MasterKeyRotation.RotationFailed | IllegalStateException e) {
            err.println("rotate-master-key: " + e.getMessage());
        } catch (SQLException e) {
            err.println("rotate-master-key: database: " + e.getMessage() + "; nothing was changed");
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("rotate-master-key: " + e.getMessage());
        }
        return FAILED;
    }

    private static Optional<String> option(
            Map<String, String> options, String name, Map<String, String> environment, String variable) {
        return Optional.ofNullable(options.get(name))
                .or(() -> Optional.ofNullable(environment.get(variable)))
                .filter(value -> !value.isBlank());
    }

    private static String password(Map<String, String> options, Map<String, String> environment) throws IOException {
        Optional<String> file = option(options, "--password-file", environment, "QUARKUS_DATASOURCE_PASSWORD_FILE");
        if (file.isPresent()) {
            return Files.readString(Path.of(file.get())).strip();
        }
        return environment.get("QUARKUS_DATASOURCE_PASSWORD");
    }
}
