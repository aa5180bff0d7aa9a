package dev.artmint.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * {@code ./artmint start}: starts the parts of the local stack that have no external address configured, then runs the
 * service command ({@code java [options] -jar quarkus-run.jar [args]}) as a child process pointed at them, and stops
 * the parts only after the service has exited, on its own or on SIGTERM or Ctrl-C.
 */
public final class LocalStackLauncher {

    /** How long the service may take to stop after SIGTERM before it is killed. */
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(60);

    private static final Duration SERVICE_START_WAIT = Duration.ofMinutes(5);

    static {
        // before the first logger is made
        configureLogging();
    }

    private static final Logger LOG = Logger.getLogger(LocalStackLauncher.class);

    private LocalStackLauncher() {}

    public static void main(String... command) {
        int jar = List.of(command).indexOf("-jar");
        if (jar < 1 || jar == command.length - 1) {
            System.err.println("usage: LocalStackLauncher <java> [jvm options] -jar <quarkus-run.jar> [args]");
            System.exit(2);
        }
        Config config = LaunchConfig.read(Path.of(command[jar + 1]));
        LocalStackSettings settings = LocalStackSettings.fromConfig(config);
        LocalStack stack;
        try {
            stack = settings.startsAnything() ? LocalStack.start(settings) : null;
        } catch (RuntimeException e) {
            LOG.errorf(e, "the local stack did not start: %s", e.getMessage());
            System.exit(1);
            return;
        }
        AtomicReference<Process> service = new AtomicReference<>();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            // the parts outlive the service, so that it can finish its work and close its connections
                            Optional.ofNullable(service.get()).ifPresent(LocalStackLauncher::stop);
                            if (stack != null) {
                                stack.close();
                            }
                        },
                        "local-stack-shutdown"));
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            if (stack != null) {
                builder.environment().putAll(environmentFor(stack, config));
            }
            child = builder.start();
            service.set(child);
        } catch (IOException e) {
            LOG.errorf("cannot start the service %s: %s", String.join(" ", command), e.getMessage());
            System.exit(1);
            return;
        }
        if (stack != null && awaitAnswer(child, config)) {
            Banner.print(stack.configuration(), config, settings);
        }
        System.exit(waitFor(child));
    }

    /**
     * The stack's configuration for the service, as environment variables (QUARKUS_DATASOURCE_PASSWORD for
     * quarkus.datasource.password): secrets such as the database password and the chain keys then stay off the command
     * line that ps shows. The service binds loopback, like the parts, unless a host is configured.
     */
    static Map<String, String> environmentFor(LocalStack stack, Config config) {
        Map<String, String> environment = new HashMap<>();
        stack.configuration().forEach((key, value) -> environment.put(environmentName(key), value));
        if (config.getOptionalValue("quarkus.http.host", String.class).isEmpty()) {
            environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        }
        // a development stack serves its API documentation (application.properties has it off), unless told otherwise
        if (System.getenv("QUARKUS_SWAGGER_UI_ENABLE") == null) {
            environment.put("QUARKUS_SWAGGER_UI_ENABLE", "true");
        }
        return environment;
    }

    /** The MicroProfile Config environment name of a property: non-alphanumerics become _, letters upper case. */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Waits until the service answers HTTP (any status), or has exited, or the wait is over. */
    private static boolean awaitAnswer(Process child, Config config) {
        int port = LocalStackSettings.httpPort(config);
        if (port <= 0) {
            return false;
        }
        String host = config.getOptionalValue("quarkus.http.host", String.class)
                .filter(value -> !value.equals("0.0.0.0") && !value.equals("::"))
                .orElse("127.0.0.1");
        String probe = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/q/health/live";
        Instant deadline = Instant.now().plus(SERVICE_START_WAIT);
        while (child.isAlive() && Instant.now().isBefore(deadline)) {
            if (Probe.httpAnswers(probe)) {
                return true;
            }
            try {
                child.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static int waitFor(Process child) {
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** SIGTERM to the service (a no-op once it has exited), SIGKILL after the grace period. */
    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(SERVICE_STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warnf("the service did not stop within %d s, killing it", SERVICE_STOP_GRACE.toSeconds());
                child.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The launcher logs through java.util.logging, one line per record like the service's console; its libraries (JBoss
     * Logging, SLF4J) are routed there too.
     */
    private static void configureLogging() {
        System.setProperty("org.jboss.logging.provider", System.getProperty("org.jboss.logging.provider", "jdk"));
        System.setProperty(
                "java.util.logging.SimpleFormatter.format",
                System.getProperty(
                        "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT,%1$tL %4$-5s [%3$s] %5$s%6$s%n"));
    }
}
