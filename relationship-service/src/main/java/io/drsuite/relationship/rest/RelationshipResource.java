package io.drsuite.relationship.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.audit.AuditedRequest;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.api.FailoverRequest;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** DR relationships: create (start), query, switchover, failover, reprotect, stop, resume a failed task. */
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
    @Operation(summary = "Protect a cluster: create a relationship and start DR", description = "Checks both "
            + "clusters, then builds the DR cluster from the primary as a task. 202 with the relationship and task.")
    public RestResponse<OperationAccepted> create(@NotNull @Valid RelationshipRequest request, UriInfo uri) {
        RelationshipService.Accepted accepted = service.create(request);
        return RestResponse.ResponseBuilder.<OperationAccepted>create(RestResponse.Status.ACCEPTED)
                .location(uri.getAbsolutePathBuilder().path(accepted.relationship().id.toString()).build())
                .entity(new OperationAccepted(accepted.taskId(), RelationshipView.of(accepted.relationship())))
                .build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(summary = "List relationships", description = "By name. Paged: limit (1-500, 100 by "
            + "default); the next page's address is in the Link header (rel=next).")
    public RestResponse<List<RelationshipView>> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return service.relationships(PageRequest.of(limit, cursor)).map(RelationshipView::of).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(summary = "Query a relationship", description = "Phase, roles and gs_ddr states of both clusters, "
            + "progress, the task in flight and the replication lag read live from the clusters (with short "
            + "timeouts: a lag that cannot be read in time is shown with lag.error and no bytes).")
    public RelationshipView query(@PathParam("id") UUID id) {
        RelationshipService.Queried queried = service.query(id)
                .orElseThrow(() -> ProblemException.notFound("relationship", "no relationship " + id));
        return RelationshipView.of(queried.relationship(), queried.lag());
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/switchover")
    @Operation(summary = "Planned switchover without data loss", description = "Refused (409) unless the DR side "
            + "streams and lags within the allowed bytes, or while another operation runs.")
    public RestResponse<OperationAccepted> switchover(@PathParam("id") UUID id) {
        return accepted(service.switchover(id));
    }

    @RolesAllowed({ADMIN})
    @POST
    @Path("/{id}/failover")
    @Operation(summary = "Fail over to the DR cluster", description = "Fences the old primary where reachable, "
            + "promotes the DR cluster and ends the relationship as failed_over. From error only with "
            + "{\"force\": true} (409 force-required otherwise): the DR side may be half built there. Needs a "
            + "reason, kept in the audit log.")
    public RestResponse<OperationAccepted> failover(@PathParam("id") UUID id, FailoverRequest request) {
        audited.requireReason(request == null ? null : request.reason(), "A failover");
        return accepted(service.failover(id, request.forced()));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/reprotect")
    @Operation(summary = "Re-establish DR after a failover", description = "The former primary becomes the DR side "
            + "of the promoted cluster, rebuilt with pg_rewind (or a full build when that fails).")
    public RestResponse<OperationAccepted> reprotect(@PathParam("id") UUID id) {
        return accepted(service.reprotect(id));
    }

    @RolesAllowed({ADMIN})
    @POST
    @Path("/{id}/stop")
    @Operation(summary = "Dissolve the relationship", description = "promoteDr: true makes the DR cluster a "
            + "standalone primary, false leaves it a detached read-only copy. After a failover it only releases "
            + "the clusters (200). Promoting the DR cluster needs a reason, kept in the audit log.")
    public RestResponse<OperationAccepted> stop(@PathParam("id") UUID id, StopRequest request) {
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
    @Operation(summary = "Resume the relationship's failed task", description = "From error: the task that failed "
            + "without being undone runs again from its failed step, and the relationship follows it as it would "
            + "a new one. task-service refuses to resume a relationship's task directly. A failed failover or stop "
            + "needs the admin role to go on.")
    public RestResponse<OperationAccepted> resume(@PathParam("id") UUID id) {
        return accepted(service.resume(id, caller.hasRole(ADMIN)));
    }

    private static RestResponse<OperationAccepted> accepted(RelationshipService.Accepted accepted) {
        return RestResponse.accepted(new OperationAccepted(accepted.taskId(),
                RelationshipView.of(accepted.relationship())));
    }
}
