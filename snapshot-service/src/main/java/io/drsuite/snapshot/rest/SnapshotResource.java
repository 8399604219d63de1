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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "takeSnapshot", summary = "Take a snapshot now",
            description = "physical: the whole cluster with pg_basebackup; "
            + "logical: one database (or some tables) with pg_dump. Streamed to the storage location as a task; "
            + "202 with the snapshot and the task; Location is the snapshot's address. Refused for the DR cluster "
            + "of a relationship.")
    @APIResponse(responseCode = "202", description = "Accepted; the backup task runs", headers = @Header(name =
            "Location", description = "The snapshot's address", schema = @Schema(type = SchemaType.STRING,
                    format = "uri")), content = @Content(schema = @Schema(implementation = SnapshotAccepted.class)))
    @APIResponse(responseCode = "409", description = "The cluster is the DR cluster of a relationship")
    @APIResponse(responseCode = "422", description = "Unknown or unreachable cluster, database, table or storage "
            + "location")
    public RestResponse<SnapshotAccepted> take(@NotNull @Valid @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "physical", summary = "The whole cluster",
                    value = "{\"cluster\": \"prod\", \"kind\": \"physical\", \"label\": \"before the upgrade\"}"),
            @ExampleObject(name = "logical", summary = "Two tables of one database",
                    value = "{\"cluster\": \"prod\", \"kind\": \"logical\", \"database\": \"shop\", "
                            + "\"tables\": [\"public.orders\", \"public.order_lines\"], \"storage\": \"s3\"}")}))
            SnapshotRequest request, UriInfo uri) {
        Snapshot snapshot = service.take(request, null);
        return RestResponse.ResponseBuilder.<SnapshotAccepted>create(RestResponse.Status.ACCEPTED)
                .location(uri.getAbsolutePathBuilder().path(snapshot.id.toString()).build())
                .entity(new SnapshotAccepted(snapshot.taskId, view(snapshot))).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listSnapshots", summary = "List snapshots, newest first",
            description = "Filter by cluster and kind (physical, "
            + "logical).")
    @APIResponse(responseCode = "200", description = "One page of snapshots")
    @APIResponse(responseCode = "400", description = "A cluster name or kind that breaks its rule, a limit out of "
            + "range or a cursor that is not one")
    public RestResponse<List<SnapshotView>> list(@QueryParam("cluster") @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
            @QueryParam("kind") @Pattern(regexp = "physical|logical", message = "must be physical or logical")
            String kind, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, UriInfo uri) {
        return service.snapshots(cluster, kind, PageRequest.of(limit, cursor)).map(this::view).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getSnapshot", summary = "Query a snapshot",
            description = "Phase, progress, size, SHA-256, start LSN, the moment "
            + "its data is as of, duration, location and the last verification.")
    @APIResponse(responseCode = "200", description = "The snapshot")
    @APIResponse(responseCode = "404", description = "No snapshot with this id")
    public SnapshotView get(@PathParam("id") UUID id) {
        return view(service.snapshot(id));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSnapshot", summary = "Delete a snapshot and its stored data",
            description = "Refused (409) while a backup, "
            + "verification or restore works on it.")
    @APIResponse(responseCode = "204", description = "Deleted, with its stored data")
    @APIResponse(responseCode = "404", description = "No snapshot with this id")
    @APIResponse(responseCode = "409", description = "A backup, verification or restore works on it")
    @APIResponse(responseCode = "422", description = "The stored data could not be deleted from its storage")
    public RestResponse<Void> delete(@PathParam("id") UUID id) {
        service.delete(id);
        return RestResponse.noContent();
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/verify")
    @Operation(operationId = "verifySnapshot", summary = "Verify the stored data",
            description = "Re-reads it: SHA-256 against the one recorded "
            + "at write time, then pg_verifybackup (physical) or pg_restore --list (logical). A mismatch makes the "
            + "snapshot corrupt.")
    @APIResponse(responseCode = "202", description = "Accepted; the verification task runs", content = @Content(
            schema = @Schema(implementation = SnapshotAccepted.class)))
    @APIResponse(responseCode = "404", description = "No snapshot with this id")
    @APIResponse(responseCode = "409", description = "Not stored, or being verified already")
    public RestResponse<SnapshotAccepted> verify(@PathParam("id") UUID id) {
        Snapshot snapshot = service.verify(id);
        return RestResponse.accepted(new SnapshotAccepted(snapshot.verifyTaskId, view(snapshot)));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/restore")
    @Operation(operationId = "restoreSnapshot", summary = "Restore a snapshot",
            description = "logical: into a new database (default) or over named "
            + "tables; physical: onto a node's data directory. Replacing existing data needs replace: true and the "
            + "admin role and a reason, kept in the audit log. Refused into either cluster of a DR relationship.")
    @APIResponse(responseCode = "202", description = "Accepted; the restore task runs", content = @Content(
            schema = @Schema(implementation = RestoreAccepted.class)))
    @APIResponse(responseCode = "400", description = "Targets that do not fit the kind of snapshot, or replace "
            + "without a reason")
    @APIResponse(responseCode = "403", description = "replace: true without the admin role")
    @APIResponse(responseCode = "404", description = "No snapshot with this id")
    @APIResponse(responseCode = "409", description = "Not restorable, another restore into the cluster runs, the "
            + "target database exists, replace: true missing, or a cluster of a DR relationship")
    @APIResponse(responseCode = "422", description = "Unknown cluster, node or table, or a PostgreSQL version that "
            + "does not fit")
    public RestResponse<RestoreAccepted> restore(@PathParam("id") UUID id, @Valid @RequestBody(content = @Content(
            examples = {
                @ExampleObject(name = "new database", summary = "A logical snapshot into a new database",
                        value = "{\"targetCluster\": \"staging\", \"targetDatabase\": \"shop_restored\"}"),
                @ExampleObject(name = "replace tables", summary = "Put two tables back as they were",
                        value = "{\"tables\": [\"public.orders\"], \"replace\": true, "
                                + "\"reason\": \"orders deleted by a faulty job (INC-4712)\"}")}))
            RestoreRequest request) {
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
    @Operation(operationId = "listSnapshotRestores", summary = "Restores of a snapshot, newest first",
            description = "Of this snapshot, newest first.")
    @APIResponse(responseCode = "200", description = "One page of restores")
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not one")
    @APIResponse(responseCode = "404", description = "No snapshot with this id")
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
