package dev.artmint.storage;

import dev.artmint.platform.health.DiagnosablePart;
import dev.artmint.platform.health.PartDiagnosis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the object store: it answers and the bucket is there. A probe only reads: the bucket is made at the
 * start and by the first write that finds it missing. The endpoint and the store's errors are for admins only.
 */
@Readiness
@ApplicationScoped
class ObjectStoreHealthCheck implements HealthCheck, DiagnosablePart {

    private static final String NAME = "object-store";

    private final ObjectStore store;

    ObjectStoreHealthCheck(ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("bucket", store.bucket());
        try {
            return store.bucketExists()
                    ? response.up().build()
                    : response.down().withData("error", "no such bucket").build();
        } catch (ObjectStoreException e) {
            return response.down()
                    .withData("error", "the store does not answer")
                    .build();
        }
    }

    @Override
    public PartDiagnosis diagnose() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endpoint", store.endpoint());
        details.put("bucket", store.bucket());
        try {
            boolean exists = store.bucketExists();
            if (!exists) {
                details.put("error", "no such bucket");
            }
            return new PartDiagnosis(NAME, exists, details);
        } catch (ObjectStoreException e) {
            details.put("error", e.getMessage());
            return new PartDiagnosis(NAME, false, details);
        }
    }
}
