package dev.artmint.platform.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A test-only endpoint that fails the way a bug would, to check what the caller sees. */
@Path("/api/test-only/failure")
public class FailingResource {

    @GET
    public String fail() {
        throw new IllegalStateException("secret internal detail at dev.artmint.Hidden.method(Hidden.java:42)");
    }
}
