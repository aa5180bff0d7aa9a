package dev.artmint.platform.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A test-only endpoint that fails the way a bug would, to check what the caller sees. */
@Path("/api/test-only/failure")
public class FailingResource {

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("secret internal detail at dev.artmint.Hidden.method(Hidden.java:42)");
    }
}
