package dev.artmint.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the object store: it answers and the bucket is there. A probe only reads: the bucket is made at the
 * start and by the first write that finds it missing.
 */
@Readiness
@ApplicationScoped
class ObjectStoreHealthCheck implements HealthCheck {

    private final ObjectStore store;

    ObjectStoreHealthCheck(ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("object-store")
                .withData("endpoint", store.endpoint())
                .withData("bucket", store.bucket());
        try {
            return store.bucketExists()
                    ? response.up().build()
                    : response.down().withData("error", "no such bucket").build();
        } catch (ObjectStoreException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
