package dev.artmint.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * The embedded local stack: PostgreSQL, an S3 object store, Keycloak and an Anvil chain node, each a real server on
 * loopback with its data under one data directory. Parts with an external address configured are not started.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    private final List<LocalPart> started = new ArrayList<>();
    private final Map<String, String> configuration = new HashMap<>();
    private ObjectStorePart objectStore;
    private AnvilPart chainNode;
    private PostgresPart database;

    private LocalStack() {}

    /** Starts the parts the settings ask for, the independent ones in parallel; stops what started if one fails. */
    public static LocalStack start(LocalStackSettings settings) {
        LocalStack stack = new LocalStack();
        try {
            stack.startParts(settings);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startParts(LocalStackSettings settings) {
        Instant begin = Instant.now();
        Path data = settings.dataDir().toAbsolutePath();
        Path run = data.resolve("run");
        PostgresPart postgres = settings.startPostgres()
                ? new PostgresPart(data.resolve("postgres"), run, settings.postgresPort())
                : null;
        database = postgres;
        List<CompletableFuture<LocalPart>> launches = new ArrayList<>();
        if (settings.startObjectStore()) {
            objectStore = new ObjectStorePart(
                    data.resolve("objects"), run, settings.s3proxyJar(), settings.objectStorePort());
            launches.add(launch(objectStore));
        }
        if (settings.startAnvil()) {
            chainNode = new AnvilPart(settings.anvil(), data.resolve("anvil"), run, settings.anvilPort());
            launches.add(launch(chainNode));
        }
        CompletableFuture<LocalPart> databaseUp =
                postgres == null ? CompletableFuture.completedFuture(null) : launch(postgres);
        launches.add(databaseUp);
        if (settings.startKeycloak()) {
            if (postgres == null) {
                throw new IllegalStateException("the local Keycloak keeps its data in the local PostgreSQL;"
                        + " configure quarkus.oidc.auth-server-url when using an external database");
            }
            KeycloakPart keycloak = new KeycloakPart(
                    settings.keycloakHome(),
                    data.resolve("keycloak"),
                    run,
                    settings.keycloakPort(),
                    settings.webOrigin(),
                    postgres);
            launches.add(databaseUp.thenApplyAsync(ignored -> startPart(keycloak)));
        }
        RuntimeException failure = null;
        for (CompletableFuture<LocalPart> launch : launches) {
            try {
                Optional.ofNullable(launch.join()).ifPresent(this::register);
            } catch (CompletionException e) {
                failure = failure == null ? asRuntime(e.getCause()) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        LOG.infof(
                "local stack up in %.1f s: %s",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0,
                started.stream().map(LocalPart::name).toList());
    }

    private CompletableFuture<LocalPart> launch(LocalPart part) {
        return CompletableFuture.supplyAsync(() -> startPart(part));
    }

    private LocalPart startPart(LocalPart part) {
        Instant begin = Instant.now();
        try {
            part.start();
        } catch (RuntimeException e) {
            part.close();
            throw e;
        }
        LOG.infof(
                "%s ready in %.1f s",
                part.name(), Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        return part;
    }

    private synchronized void register(LocalPart part) {
        started.add(part);
        configuration.putAll(part.configuration());
    }

    /** Configuration properties that point the application at the started parts. */
    public synchronized Map<String, String> configuration() {
        return Map.copyOf(configuration);
    }

    /** Stops the object store, keeping its data: what an outage looks like to the application. */
    public void stopObjectStore() {
        required(objectStore, "object store").close();
    }

    /** Starts the object store again after {@link #stopObjectStore()}, on the same port and data directory. */
    public void startObjectStore() {
        startPart(required(objectStore, "object store"));
    }

    /**
     * Stops the chain node with SIGTERM, on which Anvil writes its whole state to its state file (a SIGKILL loses the
     * blocks since its last periodic save). Transactions still in its pool are not part of that state: they are gone
     * when it starts again.
     */
    public void stopChainNode() {
        required(chainNode, "chain node").close();
    }

    /** Starts the chain node again after {@link #stopChainNode()}, from its state file: the same chain, mining on. */
    public void startChainNode() {
        startPart(required(chainNode, "chain node"));
    }

    /**
     * Stops PostgreSQL (a fast shutdown: open connections are cut, what is committed stays), keeping its data. The
     * local Keycloak, which keeps its data there too, stays up and loses its database meanwhile.
     */
    public void stopDatabase() {
        required(database, "database").close();
    }

    /** Starts PostgreSQL again after {@link #stopDatabase()}, on the same port and data directory. */
    public void startDatabase() {
        startPart(required(database, "database"));
    }

    private static <T extends LocalPart> T required(T part, String what) {
        if (part == null) {
            throw new IllegalStateException("the " + what + " is external, not part of this local stack");
        }
        return part;
    }

    /** Stops the parts in reverse start order. */
    @Override
    public synchronized void close() {
        List<LocalPart> parts = new ArrayList<>(started);
        java.util.Collections.reverse(parts);
        for (LocalPart part : parts) {
            try {
                part.close();
            } catch (RuntimeException e) {
                LOG.warnf("stopping %s failed: %s", part.name(), e.getMessage());
            }
        }
        started.clear();
    }

    private static RuntimeException asRuntime(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
