package dev.artmint.storage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the object store: it answers and the bucket is there (created now if it went missing). */
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
            store.ensureBucket();
            return response.up().build();
        } catch (ObjectStoreException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
