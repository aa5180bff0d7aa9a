package dev.artmint.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * A child process of the local stack: started in its own session, logged to a file, remembered in a pid file so that a
 * process left behind by a killed launcher is stopped on the next start.
 */
final class ManagedProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ManagedProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final String marker;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Path pidFile;
    private Process process;

    /**
     * @param marker text found in the command line of this part's process (an install path), used to recognise a
     *     leftover process before stopping it
     */
    ManagedProcess(String name, String marker, List<String> command, Map<String, String> environment, Path runDir) {
        this.name = name;
        this.marker = marker;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = runDir.resolve(name + ".log");
        this.pidFile = runDir.resolve(name + ".pid");
    }

    void start() {
        stopLeftover();
        List<String> sessionCommand = new ArrayList<>();
        // its own session: a Ctrl-C in the terminal reaches only the launcher, which then stops the parts in order
        sessionCommand.add("setsid");
        sessionCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(sessionCommand)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits until {@code ready} answers true, failing early if the process dies. */
    void awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + logFile);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process != null) {
            stop(process.toHandle());
            process = null;
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.debugf("cannot remove %s: %s", pidFile, e.getMessage());
        }
    }

    private void stopLeftover() {
        readPid()
                .flatMap(ProcessHandle::of)
                .filter(handle -> handle.info()
                        .commandLine()
                        .map(line -> line.contains(marker))
                        .orElse(false))
                .ifPresent(handle -> {
                    LOG.infof("stopping %s left over from an earlier run (pid %d)", name, handle.pid());
                    stop(handle);
                });
    }

    private Optional<Long> readPid() {
        try {
            return Files.exists(pidFile)
                    ? Optional.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM to the process and everything it started, SIGKILL after a grace period. */
    private void stop(ProcessHandle handle) {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.add(handle);
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (ProcessHandle member : tree) {
            while (member.isAlive() && Instant.now().isBefore(deadline)) {
                sleep(Duration.ofMillis(100));
            }
            if (member.isAlive()) {
                LOG.warnf(
                        "%s (pid %d) did not stop within %d s, killing it", name, member.pid(), STOP_GRACE.toSeconds());
                member.destroyForcibly();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
