package dev.artmint.platform.health;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The parts' readiness with their addresses and errors, for the admin role only. */
@Path("/api/admin/readiness")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ReadinessResource {

    private final Instance<DiagnosablePart> parts;

    ReadinessResource(@Any Instance<DiagnosablePart> parts) {
        this.parts = parts;
    }

    @GET
    @Operation(summary = "Each part's readiness, address and last error")
    public List<PartDiagnosis> diagnose() {
        return parts.stream()
                .map(DiagnosablePart::diagnose)
                .sorted(Comparator.comparing(PartDiagnosis::name))
                .toList();
    }
}
