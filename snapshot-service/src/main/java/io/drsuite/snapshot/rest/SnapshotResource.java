package io.drsuite.snapshot.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.audit.AuditedRequest;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.validation.Names;
import io.drsuite.snapshot.api.RestoreRequest;
import io.drsuite.snapshot.api.SnapshotRequest;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.drsuite.snapshot.service.SnapshotService;
import io.drsuite.storage.StorageLocations;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** The snapshot catalog: take, list, query, verify, restore and delete backups. */
@Path("/api/v1/snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Snapshots", description = "Physical and logical backups of registered clusters")
public class SnapshotResource {

    private final SnapshotService service;
    private final StorageLocations storage;
    private final SecurityIdentity caller;
    private final AuditedRequest audited;

    SnapshotResource(SnapshotService service, StorageLocations storage, SecurityIdentity caller,
            AuditedRequest audited) {
        this.audited = audited;
        this.service = service;
        this.storage = storage;
        this.caller = caller;
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Operation(summary = "Take a snapshot now", description = "physical: the whole cluster with pg_basebackup; "
            + "logical: one database (or some tables) with pg_dump. Streamed to the storage location as a task; "
            + "202 with the snapshot and the task. Refused for the DR cluster of a relationship.")
    public RestResponse<SnapshotAccepted> take(@NotNull @Valid SnapshotRequest request, UriInfo uri) {
        Snapshot snapshot = service.take(request, null);
        return RestResponse.ResponseBuilder.<SnapshotAccepted>create(RestResponse.Status.ACCEPTED)
                .location(uri.getAbsolutePathBuilder().path(snapshot.id.toString()).build())
                .entity(new SnapshotAccepted(snapshot.taskId, view(snapshot))).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(summary = "List snapshots, newest first", description = "Filter by cluster and kind (physical, "
            + "logical). Paged: limit (1-500, 100 by default); the next page's address is in the Link header "
            + "(rel=next).")
    public RestResponse<List<SnapshotView>> list(@QueryParam("cluster") @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
            @QueryParam("kind") @Pattern(regexp = "physical|logical", message = "must be physical or logical")
            String kind, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, UriInfo uri) {
        return service.snapshots(cluster, kind, PageRequest.of(limit, cursor)).map(this::view).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(summary = "Query a snapshot", description = "Phase, progress, size, SHA-256, start LSN, the moment "
            + "its data is as of, duration, location and the last verification.")
    public SnapshotView get(@PathParam("id") UUID id) {
        return view(service.snapshot(id));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a snapshot and its stored data", description = "Refused (409) while a backup, "
            + "verification or restore works on it.")
    public RestResponse<Void> delete(@PathParam("id") UUID id) {
        service.delete(id);
        return RestResponse.noContent();
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/verify")
    @Operation(summary = "Verify the stored data", description = "Re-reads it: SHA-256 against the one recorded "
            + "at write time, then pg_verifybackup (physical) or pg_restore --list (logical). A mismatch makes the "
            + "snapshot corrupt.")
    public RestResponse<SnapshotAccepted> verify(@PathParam("id") UUID id) {
        Snapshot snapshot = service.verify(id);
        return RestResponse.accepted(new SnapshotAccepted(snapshot.verifyTaskId, view(snapshot)));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Restore a snapshot", description = "logical: into a new database (default) or over named "
            + "tables; physical: onto a node's data directory. Replacing existing data needs replace: true and the "
            + "admin role and a reason, kept in the audit log. Refused into either cluster of a DR relationship.")
    public RestResponse<RestoreAccepted> restore(@PathParam("id") UUID id, @Valid RestoreRequest request) {
        RestoreRequest asked = request == null ? RestoreRequest.DEFAULTS : request;
        if (asked.replaces() && !caller.hasRole(ADMIN)) {
            throw new ForbiddenException("A restore that replaces existing data (replace: true) needs the admin "
                    + "role; a restore into a new database does not.");
        }
        if (asked.replaces()) {
            audited.requireReason(asked.reason(), "A restore that replaces existing data");
        } else {
            audited.giveReason(asked.reason());
        }
        SnapshotRestore restore = service.restore(id, asked);
        return RestResponse.accepted(new RestoreAccepted(restore.taskId, RestoreView.of(restore)));
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}/restores")
    @Operation(summary = "Restores of a snapshot, newest first", description = "Paged: limit (1-500, 100 by "
            + "default); the next page's address is in the Link header (rel=next).")
    public RestResponse<List<RestoreView>> restores(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return service.restores(id, PageRequest.of(limit, cursor)).map(RestoreView::of).response(uri);
    }

    private SnapshotView view(Snapshot snapshot) {
        String where = storage.find(snapshot.storage).map(location -> location.locate(snapshot.objectKey))
                .orElse(snapshot.storage + ": " + snapshot.objectKey);
        return SnapshotView.of(snapshot, where);
    }
}
