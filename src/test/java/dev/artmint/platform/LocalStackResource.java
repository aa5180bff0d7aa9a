package dev.artmint.platform;

import dev.artmint.localstack.LocalStack;
import dev.artmint.localstack.LocalStackSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Starts the real local stack once per test run, on free ports and in a fresh data directory, and points the
 * application under test at it. Fields annotated {@link InjectLocalStack} receive the running stack.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private static final Path DATA_DIR = Path.of("target/test-stack");
    /** The origin the local realm lets sign in; the application under test listens on a random port of its own. */
    public static final String WEB_ORIGIN = "http://localhost:8089";

    private LocalStack stack;

    @Override
    public Map<String, String> start() {
        deleteRecursively(DATA_DIR);
        LocalStackSettings settings = new LocalStackSettings(
                DATA_DIR,
                Path.of(System.getProperty("artmint.local.dist-dir", "target/local-stack")),
                Path.of("contracts/node_modules/.bin/anvil"),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                WEB_ORIGIN,
                true,
                true,
                true,
                true);
        stack = LocalStack.start(settings);
        Map<String, String> configuration = new HashMap<>(stack.configuration());
        configuration.put("artmint.data-dir", DATA_DIR.toString());
        return configuration;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                stack, new TestInjector.AnnotatedAndMatchesType(InjectLocalStack.class, LocalStack.class));
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up on Linux): a port the kernel hands out for outgoing
     * connections could be taken again before a slow part such as Keycloak binds it.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port found between 20000 and 32000");
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
