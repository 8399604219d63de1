package io.drsuite.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request bodies over {@code drsuite.api.max-body-bytes} with a problem detail before they are read.
 * {@code quarkus.http.limits.max-body-size} stays as the transport-level backstop for bodies without a length.
 */
public class RequestSizeLimit {

    private final long maxBodyBytes;
    private final ProblemMappers problems;

    RequestSizeLimit(@ConfigProperty(name = "drsuite.api.max-body-bytes", defaultValue = "65536") long maxBodyBytes,
            ProblemMappers problems) {
        this.maxBodyBytes = maxBodyBytes;
        this.problems = problems;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBodies(ContainerRequestContext request) {
        int length = request.getLength();
        if (length > maxBodyBytes) {
            return problems.respond(Problem.of("body-too-large", "Request body too large", 413,
                    "The request body has " + length + " bytes; the limit is " + maxBodyBytes + "."));
        }
        return null;
    }
}
