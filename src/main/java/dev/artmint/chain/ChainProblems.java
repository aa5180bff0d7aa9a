package dev.artmint.chain;

import dev.artmint.platform.problem.Problem;
import dev.artmint.platform.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem documents for chain failures: a call the contracts refuse, or a node that cannot be reached. */
class ChainProblems {

    private static final Logger LOG = Logger.getLogger(ChainProblems.class);

    @ServerExceptionMapper
    Response reverted(TransactionRevertedException e, UriInfo uri) {
        return Problem.of(ProblemType.TRANSACTION_REVERTED, e.getMessage()).toResponse(uri);
    }

    @ServerExceptionMapper
    Response unavailable(ChainException e, UriInfo uri) {
        LOG.warnf("chain request on %s failed: %s", uri.getPath(), e.getMessage());
        return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "the chain node cannot serve this request now")
                .toResponse(uri);
    }
}
