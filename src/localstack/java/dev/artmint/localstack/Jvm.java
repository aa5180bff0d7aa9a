package dev.artmint.localstack;

import java.nio.file.Path;

/** The JVM this launcher runs on, reused for the Java parts of the local stack. */
final class Jvm {

    private Jvm() {}

    static String java() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(home().resolve("bin/java").toString());
    }

    static Path home() {
        return Path.of(System.getProperty("java.home"));
    }
}
