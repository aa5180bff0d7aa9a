package dev.artmint.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.platform.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** A readiness probe only reads; a write that finds the bucket missing makes it and succeeds (real S3Proxy). */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ObjectStoreBucketTest {

    @Inject
    StorageConfig config;

    @Test
    void aProbeReportsAMissingBucketWithoutCreatingIt() {
        ObjectStore store = storeWithBucket("probe-" + UUID.randomUUID());

        HealthCheckResponse probe = new ObjectStoreHealthCheck(store).call();

        assertEquals(HealthCheckResponse.Status.DOWN, probe.getStatus());
        assertEquals("no such bucket", probe.getData().orElseThrow().get("error"));
        assertFalse(store.bucketExists(), "the probe must not have made the bucket");
    }

    @Test
    void theFirstWriteToAMissingBucketMakesItAndIsStored() {
        ObjectStore store = storeWithBucket("write-" + UUID.randomUUID());
        byte[] bytes = "provenance".getBytes(StandardCharsets.UTF_8);

        store.putAt("tokens/1.json", bytes, "application/json");

        assertTrue(store.bucketExists());
        assertArrayEquals(bytes, store.get("tokens/1.json"));
        assertEquals(
                HealthCheckResponse.Status.UP,
                new ObjectStoreHealthCheck(store).call().getStatus());
    }

    private ObjectStore storeWithBucket(String bucket) {
        return new ObjectStore(new StorageConfig() {
            @Override
            public String endpoint() {
                return config.endpoint();
            }

            @Override
            public String accessKey() {
                return config.accessKey();
            }

            @Override
            public String secretKey() {
                return config.secretKey();
            }

            @Override
            public String bucket() {
                return bucket;
            }

            @Override
            public String region() {
                return config.region();
            }
        });
    }
}
