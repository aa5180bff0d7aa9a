package dev.artmint.platform;

import dev.artmint.localstack.LocalStackLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as its own JVM, started with the JVM flags of
 * {@code ./artmint start} and the local stack's configuration in its environment (as the launcher passes it), on a free
 * HTTP port, with its output in {@code target/fault-logs/<name>.log}. Several may run at once on one database;
 * {@link #kill()} is SIGKILL, with no shutdown hook run: what a crash or the OOM killer does.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path LOGS = Path.of("target/fault-logs");
    private static final Duration READY_WAIT = Duration.ofMinutes(3);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the service with {@code configuration} (the stack's, plus the test's own keys), {@code workers} worker
     * threads, and waits until {@code /q/health/ready} answers 200.
     */
    public static ServiceProcess start(String name, Map<String, String> configuration, int workers) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the fault tests run after package (-Pfaults verify)");
        }
        int port = LocalStackResource.freePort();
        Map<String, String> properties = new HashMap<>(configuration);
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("artmint.studio.workers", Integer.toString(workers));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // ./artmint start: Netty's sun.misc.Unsafe on JDK 24+, and ARTMINT_JAVA_OPTS' default heap
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-Xmx768m");
        command.add("-jar");
        command.add(JAR.toString());
        Path log = LOGS.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the environment, as the launcher does it: keys and passwords stay off the command line
        properties.forEach((key, value) -> builder.environment().put(LocalStackLauncher.environmentName(key), value));
        Process process;
        try {
            Files.createDirectories(LOGS);
            Files.writeString(
                    log,
                    "--- " + Instant.now() + " start " + name + " with " + workers + " workers\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
        ServiceProcess service = new ServiceProcess(name, port, process, log);
        try {
            service.awaitReady();
        } catch (RuntimeException e) {
            service.kill();
            throw e;
        }
        return service;
    }

    /** The service's base URL, such as {@code http://127.0.0.1:23456}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL to the service and anything it started, and waits until the kernel has reaped it. */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    /** Tests end by killing too: a graceful stop is not what these tests are about, and would only take longer. */
    @Override
    public void close() {
        kill();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_WAIT);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + " before it was ready; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + READY_WAIT.toSeconds() + " s; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
