package dev.artmint.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PostgreSQL from the binaries on Maven Central, with one database for ArtMint and one for Keycloak. */
final class PostgresPart implements LocalPart {

    static final String APP_DATABASE = "artmint";
    static final String KEYCLOAK_DATABASE = "keycloak";
    // the local cluster trusts loopback connections; this is a throwaway value for the local stack only
    static final String USER = "postgres";
    static final String PASSWORD = "local-stack-only";

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private EmbeddedPostgres postgres;

    PostgresPart(Path dataDir, Path runDir, int port) {
        this.dataDir = dataDir;
        this.logFile = runDir.resolve("postgres.log");
        this.port = port;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(dataDir);
            stopLeftover();
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the stack stops the server itself, after whoever uses it: not when the JVM exits, while
                    // the service may still be committing its last transactions
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            createDatabases();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> configuration() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(APP_DATABASE),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop PostgreSQL: " + e.getMessage(), e);
            } finally {
                postgres = null;
            }
        }
    }

    private void createDatabases() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String database : List.of(APP_DATABASE, KEYCLOAK_DATABASE)) {
                try (ResultSet rows =
                        statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                    if (!rows.next()) {
                        statement.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the local databases: " + e.getMessage(), e);
        }
    }

    /** A server left running by a launcher that was killed holds the data directory; stop it first. */
    private void stopLeftover() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(handle -> handle.info()
                        .command()
                        .map(command -> command.endsWith("postgres"))
                        .orElse(false));
        leftover.ifPresent(handle -> {
            handle.destroy();
            handle.onExit().join();
        });
    }
}
