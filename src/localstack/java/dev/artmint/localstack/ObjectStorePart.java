package dev.artmint.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** S3Proxy with a filesystem backend: a real S3 API endpoint whose objects live under the data directory. */
final class ObjectStorePart extends ProcessPart {

    // throwaway credentials of the local stack; production takes them from configuration
    static final String ACCESS_KEY = "artmint-local";
    static final String SECRET_KEY = "artmint-local-secret-not-for-production";

    private final Path objectsDir;
    private final Path s3proxyJar;
    private final int port;

    ObjectStorePart(Path objectsDir, Path runDir, Path s3proxyJar, int port) {
        super("object-store", runDir);
        this.objectsDir = objectsDir;
        this.s3proxyJar = s3proxyJar;
        this.port = port;
    }

    @Override
    public void start() {
        if (!Files.isRegularFile(s3proxyJar)) {
            throw new IllegalStateException(
                    "S3Proxy is missing at " + s3proxyJar + "; build the project first (./artmint build)");
        }
        Path properties = runDir().resolve("s3proxy.properties");
        try {
            Files.createDirectories(objectsDir);
            Files.createDirectories(runDir());
            Files.writeString(
                    properties,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=" + endpoint(),
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + ACCESS_KEY,
                            "s3proxy.credential=" + SECRET_KEY,
                            "jclouds.provider=filesystem",
                            "jclouds.filesystem.basedir=" + objectsDir.toAbsolutePath(),
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the object store: " + e.getMessage(), e);
        }
        launch(
                s3proxyJar,
                List.of(
                        Jvm.java(),
                        "-Xmx192m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        s3proxyJar.toAbsolutePath().toString(),
                        "--properties",
                        properties.toAbsolutePath().toString()),
                Map.of(),
                Duration.ofSeconds(60),
                () -> Probe.httpAnswers(endpoint() + "/"));
    }

    @Override
    public Map<String, String> configuration() {
        return Map.of(
                "artmint.storage.endpoint", endpoint(),
                "artmint.storage.access-key", ACCESS_KEY,
                "artmint.storage.secret-key", SECRET_KEY);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + port;
    }
}
