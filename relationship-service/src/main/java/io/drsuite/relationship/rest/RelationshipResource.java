package io.drsuite.relationship.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.audit.AuditedRequest;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.api.FailoverRequest;
import io.drsuite.relationship.api.RecoveryObjectives;
import io.drsuite.relationship.api.RelationshipRequest;
import io.drsuite.relationship.api.StopRequest;
import io.drsuite.relationship.service.RelationshipService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * DR relationships: create (start), query, switchover, failover, reprotect, stop, resume a failed task, recovery
 * objectives.
 */
@Path("/api/v1/relationships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "DR relationships", description = "A production cluster protected by a DR cluster")
public class RelationshipResource {

    private final RelationshipService service;
    private final SecurityIdentity caller;
    private final AuditedRequest audited;

    RelationshipResource(RelationshipService service, SecurityIdentity caller, AuditedRequest audited) {
        this.service = service;
        this.caller = caller;
        this.audited = audited;
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Operation(operationId = "startRelationship", summary = "Protect a cluster: create a relationship and start DR",
            description = "Checks both clusters, then builds the DR cluster from the primary as a task. 202 with the "
                    + "relationship and task; Location is the relationship's address.")
    @APIResponse(responseCode = "202", description = "Created; the start task builds the DR cluster", headers =
            @Header(name = "Location", description = "The relationship's address", schema = @Schema(type =
                    SchemaType.STRING, format = "uri")), content = @Content(schema =
                    @Schema(implementation = OperationAccepted.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule, or confirmOverwrite does not repeat "
            + "the DR cluster's name")
    @APIResponse(responseCode = "409", description = "A relationship of that name exists, or a cluster is already "
            + "in one")
    @APIResponse(responseCode = "422", description = "The clusters cannot be paired: unknown, the same, different "
            + "PostgreSQL major versions or logins, a node or host unreachable, or no primary where one is needed")
    public RestResponse<OperationAccepted> create(@NotNull @Valid @RequestBody(content = @Content(examples =
            @ExampleObject(name = "protect", summary = "Protect prod with dr, asynchronous replication",
                    value = "{\"name\": \"orders\", \"primaryCluster\": \"prod\", \"drCluster\": \"dr\", "
                            + "\"syncMode\": \"async\", \"timeoutSeconds\": 1200, \"confirmOverwrite\": \"dr\"}")))
            RelationshipRequest request, UriInfo uri) {
        RelationshipService.Accepted accepted = service.create(request);
        return RestResponse.ResponseBuilder.<OperationAccepted>create(RestResponse.Status.ACCEPTED)
                .location(uri.getAbsolutePathBuilder().path(accepted.relationship().id.toString()).build())
                .entity(new OperationAccepted(accepted.taskId(), RelationshipView.of(accepted.relationship())))
                .build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listRelationships", summary = "List relationships", description = "By name.")
    @APIResponse(responseCode = "200", description = "One page of relationships, without the live lag")
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not one")
    public RestResponse<List<RelationshipView>> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return service.relationships(PageRequest.of(limit, cursor)).map(RelationshipView::of).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getRelationship", summary = "Query a relationship",
            description = "Phase, roles and gs_ddr states of both clusters, "
            + "progress, the task in flight and the replication lag read live from the clusters (with short "
            + "timeouts: a lag that cannot be read in time is shown with lag.error and no bytes).")
    @APIResponse(responseCode = "200", description = "The relationship with its live lag")
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    public RelationshipView query(@PathParam("id") UUID id) {
        RelationshipService.Queried queried = service.query(id)
                .orElseThrow(() -> ProblemException.notFound("relationship", "no relationship " + id));
        return RelationshipView.of(queried.relationship(), queried.lag());
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/switchover")
    @Operation(operationId = "switchoverRelationship", summary = "Planned switchover without data loss",
            description = "Refused (409) unless the DR side "
            + "streams and lags within the allowed bytes, or while another operation runs.")
    @APIResponse(responseCode = "202", description = "The switchover task runs", content = @Content(schema =
            @Schema(implementation = OperationAccepted.class)))
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    @APIResponse(responseCode = "409", description = "Not active, another operation runs, or the DR side does not "
            + "stream or lags too far")
    @APIResponse(responseCode = "422", description = "A cluster cannot be reached with its stored logins")
    public RestResponse<OperationAccepted> switchover(@PathParam("id") UUID id) {
        return accepted(service.switchover(id));
    }

    @RolesAllowed({ADMIN})
    @POST
    @Path("/{id}/failover")
    @Operation(operationId = "failoverRelationship", summary = "Fail over to the DR cluster",
            description = "Fences the old primary where reachable, "
            + "promotes the DR cluster and ends the relationship as failed_over. From error only with "
            + "{\"force\": true} (409 force-required otherwise): the DR side may be half built there. Needs a "
            + "reason, kept in the audit log.")
    @APIResponse(responseCode = "202", description = "The failover task runs", content = @Content(schema =
            @Schema(implementation = OperationAccepted.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    @APIResponse(responseCode = "409", description = "Not active (or error without force), or another operation "
            + "runs")
    @APIResponse(responseCode = "422", description = "A cluster cannot be reached with its stored logins")
    public RestResponse<OperationAccepted> failover(@PathParam("id") UUID id, @RequestBody(content = @Content(
            examples = @ExampleObject(name = "disaster", summary = "Production is lost",
                    value = "{\"reason\": \"primary data centre down since 02:10 (INC-4711)\"}")))
            FailoverRequest request) {
        audited.requireReason(request == null ? null : request.reason(), "A failover");
        return accepted(service.failover(id, request.forced()));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/reprotect")
    @Operation(operationId = "reprotectRelationship", summary = "Re-establish DR after a failover",
            description = "The former primary becomes the DR side "
            + "of the promoted cluster, rebuilt with pg_rewind (or a full build when that fails).")
    @APIResponse(responseCode = "202", description = "The reprotect task rebuilds the former primary",
            content = @Content(schema =
            @Schema(implementation = OperationAccepted.class)))
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    @APIResponse(responseCode = "409", description = "Not failed over, or another operation runs")
    @APIResponse(responseCode = "422", description = "A cluster cannot be reached with its stored logins")
    public RestResponse<OperationAccepted> reprotect(@PathParam("id") UUID id) {
        return accepted(service.reprotect(id));
    }

    @RolesAllowed({ADMIN})
    @POST
    @Path("/{id}/stop")
    @Operation(operationId = "stopRelationship", summary = "Dissolve the relationship",
            description = "promoteDr: true makes the DR cluster a "
            + "standalone primary, false leaves it a detached read-only copy. After a failover it only releases "
            + "the clusters (200). Promoting the DR cluster needs a reason, kept in the audit log.")
    @APIResponse(responseCode = "200", description = "After a failover: the clusters are released, no task "
            + "(taskId is null)", content = @Content(schema = @Schema(implementation = OperationAccepted.class)))
    @APIResponse(responseCode = "202", description = "The stop task runs", content = @Content(schema =
            @Schema(implementation = OperationAccepted.class)))
    @APIResponse(responseCode = "400", description = "Promoting the DR cluster without a reason")
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    @APIResponse(responseCode = "409", description = "Neither active, error nor failed over, or another operation "
            + "runs")
    public RestResponse<OperationAccepted> stop(@PathParam("id") UUID id, @RequestBody(content = @Content(
            examples = @ExampleObject(name = "promote", summary = "Keep the DR cluster as a standalone primary",
                    value = "{\"promoteDr\": true, \"reason\": \"moving production to the DR site (CHG-1234)\"}")))
            StopRequest request) {
        StopRequest stop = request == null ? new StopRequest(false, null) : request;
        if (stop.promote()) {
            audited.requireReason(stop.reason(), "Stopping with promotion of the DR cluster");
        } else {
            audited.giveReason(stop.reason());
        }
        RelationshipService.Accepted accepted = service.stop(id, stop);
        if (accepted.taskId() == null) {
            return RestResponse.ok(new OperationAccepted(null, RelationshipView.of(accepted.relationship())));
        }
        return accepted(accepted);
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/resume")
    @Operation(operationId = "resumeRelationship", summary = "Resume the relationship's failed task",
            description = "From error: the task that failed "
            + "without being undone runs again from its failed step, and the relationship follows it as it would "
            + "a new one. task-service refuses to resume a relationship's task directly. A failed failover or stop "
            + "needs the admin role to go on.")
    @APIResponse(responseCode = "202", description = "The failed task runs again from its failed step",
            content = @Content(schema =
            @Schema(implementation = OperationAccepted.class)))
    @APIResponse(responseCode = "403", description = "A failed failover or stop needs the admin role to go on")
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    @APIResponse(responseCode = "409", description = "Not in error, or its task cannot be resumed")
    public RestResponse<OperationAccepted> resume(@PathParam("id") UUID id) {
        return accepted(service.resume(id, caller.hasRole(ADMIN)));
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}/objectives")
    @Operation(operationId = "getRecoveryObjectives", summary = "A relationship's recovery objectives",
            description = "RPO and RTO in seconds; null where not set.")
    @APIResponse(responseCode = "200", description = "The objectives")
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    public RecoveryObjectives objectives(@PathParam("id") UUID id) {
        return service.find(id).map(found -> new RecoveryObjectives(found.rpoObjectiveSeconds,
                found.rtoObjectiveSeconds)).orElseThrow(() -> ProblemException.notFound("relationship",
                "no relationship " + id));
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Path("/{id}/objectives")
    @Operation(operationId = "setRecoveryObjectives", summary = "Set a relationship's recovery objectives",
            description = "Replaces both; a null or absent one is no longer set. monitor-service raises "
                    + "rpo_objective_breached while the live RPO estimate is above the RPO objective, and drills "
                    + "are judged against both.")
    @APIResponse(responseCode = "200", description = "The relationship with its objectives as set")
    @APIResponse(responseCode = "400", description = "An objective that is not between 1 s and a week")
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    public RelationshipView setObjectives(@PathParam("id") UUID id, @NotNull @Valid @RequestBody(content = @Content(
            examples = @ExampleObject(name = "objectives", summary = "Lose at most 30 s, write again within 5 min",
                    value = "{\"rpoObjectiveSeconds\": 30, \"rtoObjectiveSeconds\": 300}")))
            RecoveryObjectives request) {
        return RelationshipView.of(service.setObjectives(id, request));
    }

    private static RestResponse<OperationAccepted> accepted(RelationshipService.Accepted accepted) {
        return RestResponse.accepted(new OperationAccepted(accepted.taskId(),
                RelationshipView.of(accepted.relationship())));
    }
}
