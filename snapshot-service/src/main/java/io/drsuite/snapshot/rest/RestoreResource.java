package io.drsuite.snapshot.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.audit.AuditedRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.snapshot.api.PointInTimeRestoreRequest;
import io.drsuite.snapshot.pitr.PointInTimeRestoreService;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.drsuite.snapshot.service.SnapshotService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Restores by id, and restores of a cluster to a point in time. */
@Path("/api/v1/restores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Snapshots")
public class RestoreResource {

    private final SnapshotService service;
    private final PointInTimeRestoreService pointInTime;
    private final AuditedRequest audited;

    RestoreResource(SnapshotService service, PointInTimeRestoreService pointInTime, AuditedRequest audited) {
        this.service = service;
        this.pointInTime = pointInTime;
        this.audited = audited;
    }

    @RolesAllowed({ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "restoreToPointInTime", summary = "Restore a cluster to a point in time",
            description = "Name a target (time, lsn, restorePoint or latest: true), not a backup: the suite picks "
            + "the newest completed physical snapshot of the cluster before the target whose WAL on is archived "
            + "without a gap, restores it onto the node (the cluster's main node, or onto.cluster / onto.node), "
            + "replays the archived WAL up to the target and promotes, or pauses there with pauseAtTarget: true. "
            + "Replaces the node's data directory: needs replace: true, the admin role and a reason. Or creates "
            + "a new node, in no cluster (onto.newNode: name, host, port, a data directory that does not exist "
            + "yet, host access): nothing is replaced. A target outside the recovery window is refused with the "
            + "window in the problem detail.")
    @APIResponse(responseCode = "202", description = "Accepted; the restore task runs", content = @Content(
            schema = @Schema(implementation = RestoreAccepted.class)))
    @APIResponse(responseCode = "400", description = "Not exactly one target, a malformed LSN, name or new "
            + "node, both a registered and a new node, or no reason")
    @APIResponse(responseCode = "409", description = "replace: true missing, another restore into the cluster "
            + "or onto the same new node runs, a cluster of a DR relationship, or a new node where a registered "
            + "node is")
    @APIResponse(responseCode = "422", description = "Unknown cluster, node or restore point, no WAL archive, a "
            + "PostgreSQL version that does not fit, or a target outside the recovery window")
    public RestResponse<RestoreAccepted> restoreToPointInTime(@NotNull @Valid @RequestBody(content = @Content(
            examples = {
                @ExampleObject(name = "time", summary = "Back to the moment before a bad DELETE, onto a spare node",
                        value = "{\"cluster\": \"prod\", \"target\": {\"time\": \"2026-12-03T09:14:00Z\"}, "
                                + "\"onto\": {\"cluster\": \"prod-restore\", \"node\": \"pg-r1\"}, "
                                + "\"replace\": true, \"reason\": \"orders deleted by a faulty job (INC-4712)\"}"),
                @ExampleObject(name = "restore point", summary = "To a named restore point, paused for a look",
                        value = "{\"cluster\": \"prod\", \"target\": {\"restorePoint\": "
                                + "\"before-migration-42\"}, \"replace\": true, \"pauseAtTarget\": true, "
                                + "\"reason\": \"migration 42 broke the schema\"}"),
                @ExampleObject(name = "new node", summary = "To a moment, onto a new server beside production",
                        value = "{\"cluster\": \"prod\", \"target\": {\"time\": \"2026-12-03T09:14:00Z\"}, "
                                + "\"onto\": {\"newNode\": {\"name\": \"prod-0914\", \"host\": "
                                + "\"pg-spare.example.net\", \"port\": 5433, \"dataDirectory\": "
                                + "\"/var/lib/postgresql/15/prod-0914\", \"access\": {\"kind\": \"ssh\", "
                                + "\"sshHost\": \"pg-spare.example.net\", \"sshPort\": 22, \"sshUser\": "
                                + "\"postgres\", \"sshKeyRef\": \"dr-suite\"}}}, \"reason\": \"look at the "
                                + "orders before the faulty job (INC-4712)\"}")}))
            PointInTimeRestoreRequest request) {
        audited.requireReason(request.reason(), "A point-in-time restore");
        SnapshotRestore restore = pointInTime.restore(request);
        return RestResponse.accepted(new RestoreAccepted(restore.taskId, RestoreView.of(restore)));
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getRestore", summary = "Query a restore", description = "Its target, phase, "
            + "progress and the task that carries it out.")
    @APIResponse(responseCode = "200", description = "The restore")
    @APIResponse(responseCode = "404", description = "No restore with this id")
    public RestoreView get(@PathParam("id") UUID id) {
        SnapshotRestore restore = service.findRestore(id)
                .orElseThrow(() -> ProblemException.notFound("restore", "no restore " + id));
        return RestoreView.of(restore);
    }
}
