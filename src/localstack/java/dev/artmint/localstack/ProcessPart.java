package dev.artmint.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A part of the local stack that runs as a child process of its own. */
abstract class ProcessPart implements LocalPart {

    private final String name;
    private final Path runDir;
    private ManagedProcess process;

    ProcessPart(String name, Path runDir) {
        this.name = name;
        this.runDir = runDir;
    }

    @Override
    public final String name() {
        return name;
    }

    /** Starts the process and waits until {@code ready} answers true. */
    final void launch(
            Path install,
            List<String> command,
            Map<String, String> environment,
            Duration timeout,
            BooleanSupplier ready) {
        process = new ManagedProcess(name, install.toAbsolutePath().toString(), command, environment, runDir);
        process.start();
        process.awaitReady(timeout, ready);
    }

    final Path runDir() {
        return runDir;
    }

    @Override
    public final void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
