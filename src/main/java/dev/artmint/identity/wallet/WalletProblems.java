package dev.artmint.identity.wallet;

import java.net.URI;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;

/** Problem documents for refused wallet requests. */
class WalletProblems {

    @ServerExceptionMapper
    Response siweRejected(SiweRejectedException e, UriInfo uri) {
        return Problem.of(ProblemType.SIWE_REJECTED, e.getMessage()).at(URI.create(uri.getPath())).toResponse();
    }

    @ServerExceptionMapper
    Response refused(WalletRefusedException e, UriInfo uri) {
        return Problem.of(e.type(), e.getMessage()).at(URI.create(uri.getPath())).toResponse();
    }
}
