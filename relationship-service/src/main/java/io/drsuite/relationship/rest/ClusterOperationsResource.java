package io.drsuite.relationship.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;

import io.drsuite.platform.audit.AuditedRequest;
import io.drsuite.platform.node.NodeRegistration;
import io.drsuite.relationship.api.ClusterFailoverRequest;
import io.drsuite.relationship.api.ClusterSwitchoverRequest;
import io.drsuite.relationship.api.NodeRebuildRequest;
import io.drsuite.relationship.api.SynchronousStandbysRequest;
import io.drsuite.relationship.service.ClusterOperations;
import io.drsuite.relationship.service.SynchronousStandbys;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Operations inside one cluster, openGauss's primary/standby {@code switchover}, {@code failover} and {@code build}:
 * each runs as a task-service task, one per cluster at a time, and none while the cluster's relationship runs one.
 */
@Path("/api/v1/clusters/{name}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clusters")
public class ClusterOperationsResource {

    private static final String BUSY = "The cluster or its relationship runs an operation, or the cluster is the DR "
            + "side of a relationship (use the relationship's operations)";

    private final ClusterOperations operations;
    private final SynchronousStandbys synchronousStandbys;
    private final AuditedRequest audited;
    private final SecurityIdentity caller;

    ClusterOperationsResource(ClusterOperations operations, SynchronousStandbys synchronousStandbys,
            AuditedRequest audited, SecurityIdentity caller) {
        this.operations = operations;
        this.synchronousStandbys = synchronousStandbys;
        this.audited = audited;
        this.caller = caller;
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/switchover")
    @Operation(operationId = "switchoverCluster", summary = "Planned switchover to a standby of the cluster",
            description = "Stops the primary cleanly, promotes toNode once it has replayed the shutdown checkpoint, "
                    + "restarts the old primary as its standby and re-points the other standbys (and the DR main "
                    + "standby when the cluster is the production side of a relationship). No data is lost.")
    @APIResponse(responseCode = "202", description = "The switchover task runs", content = @Content(schema =
            @Schema(implementation = ClusterOperationAccepted.class)))
    @APIResponse(responseCode = "400", description = "No toNode, or not a node name")
    @APIResponse(responseCode = "404", description = "No cluster of that name")
    @APIResponse(responseCode = "409", description = BUSY)
    @APIResponse(responseCode = "422", description = "toNode is the primary, or no node of the cluster")
    public RestResponse<ClusterOperationAccepted> switchover(@PathParam("name") String name,
            @NotNull @Valid @RequestBody(content = @Content(examples = @ExampleObject(name = "planned",
                    summary = "Make prod-2 the primary", value = "{\"toNode\": \"prod-2\"}")))
            ClusterSwitchoverRequest request) {
        return accepted(operations.switchover(name, request.toNode()));
    }

    @RolesAllowed({ADMIN})
    @POST
    @Path("/failover")
    @Operation(operationId = "failoverCluster", summary = "Fail over to a standby of the cluster",
            description = "The primary is lost: fences it where reachable, promotes toNode (or, without one, the "
                    + "standby that has received the most WAL), re-points the other standbys and the DR side, and "
                    + "records the estimated data loss. Needs a reason, kept in the audit log.")
    @APIResponse(responseCode = "202", description = "The failover task runs", content = @Content(schema =
            @Schema(implementation = ClusterOperationAccepted.class)))
    @APIResponse(responseCode = "400", description = "No reason given, or toNode is not a node name")
    @APIResponse(responseCode = "404", description = "No cluster of that name")
    @APIResponse(responseCode = "409", description = BUSY)
    @APIResponse(responseCode = "422", description = "toNode is the primary or no node of the cluster, or the "
            + "cluster has no standby")
    public RestResponse<ClusterOperationAccepted> failover(@PathParam("name") String name,
            @Valid @RequestBody(content = @Content(examples = @ExampleObject(name = "node lost",
                    summary = "The primary's host is down", value = "{\"reason\": \"prod-1 host down (INC-4712)\"}")))
            ClusterFailoverRequest request) {
        audited.requireReason(request == null ? null : request.reason(), "A failover");
        return accepted(operations.failover(name, request.toNode()));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/nodes/{node}/rebuild")
    @Operation(operationId = "rebuildClusterNode", summary = "Rebuild a standby from the primary",
            description = "openGauss's build. mode auto (default) tries pg_rewind and falls back to a full "
                    + "pg_basebackup, incremental only rewinds, full always copies everything. Also turns a former "
                    + "primary into a standby.")
    @APIResponse(responseCode = "202", description = "The rebuild task runs", content = @Content(schema =
            @Schema(implementation = ClusterOperationAccepted.class)))
    @APIResponse(responseCode = "400", description = "A mode that is not auto, incremental or full")
    @APIResponse(responseCode = "404", description = "No cluster of that name, or no such node in it")
    @APIResponse(responseCode = "409", description = BUSY)
    @APIResponse(responseCode = "422", description = "The node is the primary")
    public RestResponse<ClusterOperationAccepted> rebuild(@PathParam("name") String name,
            @PathParam("node") String node, @RequestBody(content = @Content(examples = @ExampleObject(
                    name = "auto", summary = "Rewind, or copy everything when that fails",
                    value = "{\"mode\": \"auto\"}"))) NodeRebuildRequest request) {
        NodeRebuildRequest rebuild = request == null ? new NodeRebuildRequest(null) : request;
        return accepted(operations.rebuild(name, node, rebuild.rebuildMode()));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/resume")
    @Operation(operationId = "resumeClusterOperation", summary = "Resume the cluster's failed operation",
            description = "The last operation's task, which failed without being undone, runs again from its "
                    + "failed step, and the cluster follows it as it would a new one. A failed failover needs the "
                    + "admin role to go on.")
    @APIResponse(responseCode = "202", description = "The failed task runs again from its failed step", content =
            @Content(schema = @Schema(implementation = ClusterOperationAccepted.class)))
    @APIResponse(responseCode = "403", description = "A failed failover needs the admin role to go on")
    @APIResponse(responseCode = "404", description = "No cluster of that name")
    @APIResponse(responseCode = "409", description = "No failed operation that can be resumed, or: " + BUSY)
    public RestResponse<ClusterOperationAccepted> resume(@PathParam("name") String name) {
        return accepted(operations.resume(name, caller.hasRole(ADMIN)));
    }

    @RolesAllowed({ADMIN})
    @POST
    @Path("/nodes")
    @Operation(operationId = "addClusterNode", summary = "Add a standby to the cluster",
            description = "Registers the node as a standby (it is not probed: it is not built yet) and builds it "
                    + "from the primary with pg_basebackup as a task. The node list is announced at once.")
    @APIResponse(responseCode = "202", description = "Registered; the add task builds the node", content =
            @Content(schema = @Schema(implementation = ClusterOperationAccepted.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule")
    @APIResponse(responseCode = "404", description = "No cluster of that name")
    @APIResponse(responseCode = "409", description = "The cluster has a node of that name, the address is "
            + "registered, or: " + BUSY)
    public RestResponse<ClusterOperationAccepted> addNode(@PathParam("name") String name,
            @NotNull @Valid @RequestBody(content = @Content(examples = @ExampleObject(name = "third node",
                    summary = "A standby on a third host, reached over SSH", value = """
                            {"name": "prod-3", "host": "10.0.0.13", "port": 5432,
                             "dataDirectory": "/var/lib/postgresql/17/main",
                             "access": {"kind": "ssh", "sshHost": "10.0.0.13", "sshPort": 22,
                                        "sshUser": "postgres", "sshKeyRef": "prod-3"}}
                            """))) NodeRegistration request) {
        return accepted(operations.addNode(name, request));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/nodes/{node}")
    @Operation(operationId = "removeClusterNode", summary = "Remove a standby from the cluster",
            description = "Removes the node from the registry; no server is touched but for its replication slot "
                    + "on the primary, dropped when nobody uses it. Needs a reason (?reason=...), kept in the audit "
                    + "log.")
    @APIResponse(responseCode = "200", description = "Removed; the cluster as it is now", content = @Content(
            schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No cluster of that name, or no such node in it")
    @APIResponse(responseCode = "409", description = "The node is the primary or a synchronous standby, or: " + BUSY)
    public ClusterView removeNode(@PathParam("name") String name, @PathParam("node") String node,
            @QueryParam("reason") String reason) {
        audited.requireReason(reason, "Removing a node");
        return ClusterView.of(operations.removeNode(name, node));
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Path("/synchronous-standbys")
    @Operation(operationId = "setSynchronousStandbys", summary = "Set the cluster's local synchronous standbys",
            description = "A commit on the primary waits until count of the listed standbys have it. Applied at "
                    + "once on the primary as synchronous_standby_names = 'ANY count (...)' with pg_reload_conf(), "
                    + "together with the DR main standby when the cluster is the production side of a synchronous "
                    + "relationship; kept by every later switchover and failover.")
    @APIResponse(responseCode = "200", description = "Applied; the cluster as it is now", content = @Content(
            schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "400", description = "A count out of range, or a node listed twice")
    @APIResponse(responseCode = "404", description = "No cluster of that name")
    @APIResponse(responseCode = "409", description = BUSY)
    @APIResponse(responseCode = "422", description = "A listed node is the primary or no node of the cluster, or "
            + "the primary cannot be reached")
    public ClusterView setSynchronousStandbys(@PathParam("name") String name,
            @NotNull @Valid @RequestBody(content = @Content(examples = @ExampleObject(name = "one of two",
                    summary = "Commits wait for either standby", value = "{\"count\": 1, \"nodes\": [\"prod-2\", "
                            + "\"prod-3\"]}"))) SynchronousStandbysRequest request) {
        return ClusterView.of(synchronousStandbys.set(name, request.count(), request.nodes()));
    }

    private static RestResponse<ClusterOperationAccepted> accepted(ClusterOperations.Accepted accepted) {
        return RestResponse.accepted(new ClusterOperationAccepted(accepted.taskId(),
                ClusterView.of(accepted.cluster())));
    }
}
