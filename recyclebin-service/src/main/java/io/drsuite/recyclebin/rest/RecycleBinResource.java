package io.drsuite.recyclebin.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.audit.AuditedRequest;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.platform.validation.Names;
import io.drsuite.recyclebin.api.DropRequest;
import io.drsuite.recyclebin.api.RestoreRequest;
import io.drsuite.recyclebin.bin.ObjectKind;
import io.drsuite.recyclebin.model.BinEntry;
import io.drsuite.recyclebin.model.StateFilter;
import io.drsuite.recyclebin.service.BinEntries;
import io.drsuite.recyclebin.service.RecycleBinService;
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

/** The recycle bin: drop objects into it, list, restore and purge them. */
@Path("/api/v1/recyclebin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recycle bin", description = "Dropped tables, schemas and databases, restorable until they expire")
public class RecycleBinResource {

    private final RecycleBinService bin;
    private final BinEntries entries;
    private final AuditedRequest audited;

    RecycleBinResource(RecycleBinService bin, BinEntries entries, AuditedRequest audited) {
        this.bin = bin;
        this.entries = entries;
        this.audited = audited;
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/drops")
    @Operation(operationId = "dropIntoBin", summary = "Drop an object into the bin",
            description = "A table (with schema, default public), a "
            + "schema (no table) or a database (neither). Instant: nothing is copied. 201 with the entry.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "table", summary = "One table",
                    value = "{\"cluster\": \"prod\", \"database\": \"shop\", \"schema\": \"public\", "
                            + "\"table\": \"orders_2019\"}"),
            @ExampleObject(name = "database", summary = "A whole database",
                    value = "{\"cluster\": \"prod\", \"database\": \"old_reports\"}")}))
    @APIResponse(responseCode = "201", description = "In the bin", headers = @Header(name = "Location",
            description = "The entry's address", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = BinEntryView.class)))
    @APIResponse(responseCode = "409", description = "The DR cluster (a read-only copy), the database refuses, or "
            + "the object conflicts with the bin")
    @APIResponse(responseCode = "422", description = "A system object, an unknown database or object, or a cluster "
            + "that does not answer")
    public RestResponse<BinEntryView> drop(@NotNull @Valid DropRequest request, UriInfo uri) {
        BinEntry entry = bin.drop(request);
        return RestResponse.ResponseBuilder.<BinEntryView>created(uri.getBaseUriBuilder()
                .path("/api/v1/recyclebin/" + entry.id).build()).entity(BinEntryView.of(entry)).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listBinEntries", summary = "List entries",
            description = "The latest dropped first. Objects in the bin (state recycled) "
            + "unless state=restored, purged or all; filter by cluster, database and kind.")
    @APIResponse(responseCode = "200", description = "One page of entries")
    @APIResponse(responseCode = "400", description = "A filter that breaks its rule, a limit out of range or a "
            + "cursor that is not one")
    public RestResponse<List<BinEntryView>> list(
            @QueryParam("cluster") @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
            @QueryParam("database") @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE)
            String database,
            @QueryParam("kind") @Pattern(regexp = "table|schema|database") String kind,
            @QueryParam("state") @Pattern(regexp = "recycled|restored|purged|all") String state,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, UriInfo uri) {
        return entries.newestFirst(cluster, database, kind == null ? null : ObjectKind.fromWire(kind),
                StateFilter.fromWire(state), PageRequest.of(limit, cursor)).map(BinEntryView::of).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getBinEntry", summary = "Query an entry", description = "What was dropped, when and "
            + "by whom, where it is kept, its state and when it expires.")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "404", description = "No recycle-bin entry with this id")
    public BinEntryView get(@PathParam("id") UUID id) {
        return entries.find(id).map(BinEntryView::of)
                .orElseThrow(() -> ProblemException.notFound("entry", "no recycle-bin entry " + id));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/restore")
    @Operation(operationId = "restoreBinEntry", summary = "Restore an entry",
            description = "Under its original name or as: {name}. A name in use "
            + "is a 409 and changes nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "renamed", summary = "Under another name",
            value = "{\"as\": \"orders_2019_restored\"}")))
    @APIResponse(responseCode = "200", description = "Restored")
    @APIResponse(responseCode = "404", description = "No recycle-bin entry with this id")
    @APIResponse(responseCode = "409", description = "The name is in use, or the entry was restored or purged")
    @APIResponse(responseCode = "422", description = "The cluster does not answer, or the object cannot be restored")
    public BinEntryView restore(@PathParam("id") UUID id, @Valid RestoreRequest request) {
        return BinEntryView.of(bin.restore(id, request == null ? null : request.as()));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "purgeBinEntry", summary = "Purge an entry", description = "Destroys the object for "
            + "good.")
    @APIResponse(responseCode = "200", description = "Purged")
    @APIResponse(responseCode = "404", description = "No recycle-bin entry with this id")
    @APIResponse(responseCode = "409", description = "The entry was restored or purged")
    @APIResponse(responseCode = "422", description = "The cluster does not answer")
    public BinEntryView purge(@PathParam("id") UUID id) {
        return BinEntryView.of(bin.purge(id));
    }

    /** @param purged how many entries were destroyed */
    public record PurgeAll(String cluster, int purged) {
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Operation(operationId = "purgeBin", summary = "Purge a cluster's whole bin",
            description = "confirm must repeat the cluster's name; "
            + "reason says why, kept in the audit log.")
    @APIResponse(responseCode = "200", description = "How many entries were purged")
    @APIResponse(responseCode = "400", description = "No cluster, confirm not the cluster's name, or no reason")
    @APIResponse(responseCode = "422", description = "The cluster does not answer")
    public PurgeAll purgeAll(
            @QueryParam("cluster") @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE)
            String cluster,
            @QueryParam("confirm") String confirm, @QueryParam("reason") String reason) {
        audited.requireReason(reason, "Purging a whole bin");
        return new PurgeAll(cluster, bin.purgeAll(cluster, confirm));
    }
}
