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
    @Operation(summary = "Drop an object into the bin", description = "A table (with schema, default public), a "
            + "schema (no table) or a database (neither). Instant: nothing is copied. 201 with the entry.")
    public RestResponse<BinEntryView> drop(@NotNull @Valid DropRequest request, UriInfo uri) {
        BinEntry entry = bin.drop(request);
        return RestResponse.ResponseBuilder.<BinEntryView>created(uri.getBaseUriBuilder()
                .path("/api/v1/recyclebin/" + entry.id).build()).entity(BinEntryView.of(entry)).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(summary = "List entries", description = "The latest dropped first. Objects in the bin (state recycled) "
            + "unless state=restored, purged or all; filter by cluster, database and kind. Paged: limit (1-500, 100 "
            + "by default); the next page's address is in the Link header (rel=next).")
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
    @Operation(summary = "Query an entry")
    public BinEntryView get(@PathParam("id") UUID id) {
        return entries.find(id).map(BinEntryView::of)
                .orElseThrow(() -> ProblemException.notFound("entry", "no recycle-bin entry " + id));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Restore an entry", description = "Under its original name or as: {name}. A name in use "
            + "is a 409 and changes nothing.")
    public BinEntryView restore(@PathParam("id") UUID id, @Valid RestoreRequest request) {
        return BinEntryView.of(bin.restore(id, request == null ? null : request.as()));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Purge an entry", description = "Destroys the object for good.")
    public BinEntryView purge(@PathParam("id") UUID id) {
        return BinEntryView.of(bin.purge(id));
    }

    /** @param purged how many entries were destroyed */
    public record PurgeAll(String cluster, int purged) {
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Operation(summary = "Purge a cluster's whole bin", description = "confirm must repeat the cluster's name; "
            + "reason says why, kept in the audit log.")
    public PurgeAll purgeAll(
            @QueryParam("cluster") @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE)
            String cluster,
            @QueryParam("confirm") String confirm, @QueryParam("reason") String reason) {
        audited.requireReason(reason, "Purging a whole bin");
        return new PurgeAll(cluster, bin.purgeAll(cluster, confirm));
    }
}
