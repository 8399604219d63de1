package io.drsuite.monitor.rest;

import io.drsuite.monitor.routing.RouteStatus;
import io.drsuite.monitor.routing.RoutingChecks;
import io.drsuite.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Health checks for load balancers, as Patroni's {@code /primary} and {@code /replica} are used by HAProxy: 200 sends
 * traffic to the node, 503 does not, and the body is one word saying why. They are open (no token: a load balancer
 * cannot fetch one) and answer from the latest poll in memory; they reveal nothing but that word.
 */
@Path("/api/v1/routing")
@Produces(MediaType.TEXT_PLAIN)
@Tag(name = "Routing", description = "Open health checks for load balancers: 200 or 503 and one status word")
public class RoutingResource {

    private static final String PRIMARY_WORDS = "503 words: standby, dr-side, conflict, unreachable, stale, "
            + "unknown-node, ambiguous-node.";
    private static final String REPLICA_WORDS = "503 words: primary, not-streaming, lagging, lag-unknown, "
            + "unreachable, stale, unknown-node, ambiguous-node.";

    private static final String MAX_LAG = "The most bytes of WAL the standby may be behind its upstream primary";

    private final RoutingChecks checks;

    RoutingResource(RoutingChecks checks) {
        this.checks = checks;
    }

    @PermitAll
    @GET
    @Path("/nodes/{node}/primary")
    @Operation(operationId = "checkPrimaryNode", summary = "200 while the node is the writable primary of its "
            + "cluster's active side", description = "For a node name that only one known cluster has. Answers "
            + "from monitor-service's latest poll; no token needed. " + PRIMARY_WORDS)
    @APIResponse(responseCode = "200", description = "primary")
    @APIResponse(responseCode = "503", description = "Not the primary, or not known to be now", content =
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> primary(@PathParam("node") String node) {
        return answer(checks.primary(node), RouteStatus.PRIMARY);
    }

    @PermitAll
    @GET
    @Path("/nodes/{node}/replica")
    @Operation(operationId = "checkReplicaNode", summary = "200 while the node is a streaming standby within the "
            + "lag limit", description = "For a node name that only one known cluster has; maxLagBytes defaults to "
            + "drsuite.monitor.routing.replica-max-lag-bytes. No token needed. " + REPLICA_WORDS)
    @APIResponse(responseCode = "200", description = "replica")
    @APIResponse(responseCode = "400", description = "maxLagBytes is not a whole number of bytes")
    @APIResponse(responseCode = "503", description = "Not a streaming standby within the limit", content =
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> replica(@PathParam("node") String node,
            @Parameter(description = MAX_LAG, schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("maxLagBytes") String maxLagBytes) {
        return answer(checks.replica(node, bytes(maxLagBytes)), RouteStatus.REPLICA);
    }

    @PermitAll
    @GET
    @Path("/clusters/{cluster}/nodes/{node}/primary")
    @Operation(operationId = "checkPrimaryClusterNode", summary = "200 while the cluster's node is the writable "
            + "primary of the cluster's active side", description = "Answers from monitor-service's latest poll; no "
            + "token needed. " + PRIMARY_WORDS)
    @APIResponse(responseCode = "200", description = "primary")
    @APIResponse(responseCode = "503", description = "Not the primary, or not known to be now", content =
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> clusterPrimary(@PathParam("cluster") String cluster, @PathParam("node") String node) {
        return answer(checks.primary(cluster, node), RouteStatus.PRIMARY);
    }

    @PermitAll
    @GET
    @Path("/clusters/{cluster}/nodes/{node}/replica")
    @Operation(operationId = "checkReplicaClusterNode", summary = "200 while the cluster's node is a streaming "
            + "standby within the lag limit", description = "maxLagBytes defaults to "
            + "drsuite.monitor.routing.replica-max-lag-bytes. No token needed. " + REPLICA_WORDS)
    @APIResponse(responseCode = "200", description = "replica")
    @APIResponse(responseCode = "400", description = "maxLagBytes is not a whole number of bytes")
    @APIResponse(responseCode = "503", description = "Not a streaming standby within the limit", content =
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> clusterReplica(@PathParam("cluster") String cluster, @PathParam("node") String node,
            @Parameter(description = MAX_LAG, schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("maxLagBytes") String maxLagBytes) {
        return answer(checks.replica(cluster, node, bytes(maxLagBytes)), RouteStatus.REPLICA);
    }

    /** 200 when the check found what it looks for, else 503; the status word either way. */
    private static RestResponse<String> answer(RouteStatus status, RouteStatus wanted) {
        return RestResponse.ResponseBuilder.create(status == wanted ? RestResponse.Status.OK
                : RestResponse.Status.SERVICE_UNAVAILABLE, status.word() + "\n")
                .header("Cache-Control", "no-store").build();
    }

    private static Long bytes(String value) {
        if (value == null) {
            return null;
        }
        try {
            long bytes = Long.parseLong(value);
            if (bytes >= 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("maxLagBytes", "maxLagBytes must be a whole number of bytes, 0 or more");
    }
}
