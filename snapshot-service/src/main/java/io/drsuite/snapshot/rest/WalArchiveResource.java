package io.drsuite.snapshot.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.validation.Names;
import io.drsuite.snapshot.api.WalArchiveRequest;
import io.drsuite.snapshot.model.WalArchive;
import io.drsuite.snapshot.wal.WalArchiveService;
import io.drsuite.snapshot.wal.WalCatalog;
import io.drsuite.snapshot.wal.WalContinuity;
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

/** WAL archives: a cluster's WAL streamed continuously into a storage location, for point-in-time restores. */
@Path("/api/v1/wal-archives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "WAL archives", description = "Continuous WAL archiving of registered clusters: state, continuity and "
        + "recovery window")
public class WalArchiveResource {

    private final WalArchiveService service;
    private final WalCatalog catalog;

    WalArchiveResource(WalArchiveService service, WalCatalog catalog) {
        this.service = service;
        this.catalog = catalog;
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Operation(operationId = "switchOnWalArchive", summary = "Switch on a cluster's WAL archive",
            description = "Streams the cluster's WAL with pg_receivewal through a dedicated physical slot into the "
            + "storage location, as a task that runs until the archive is switched off; it follows the primary "
            + "across switchovers. synchronous: true streams with --synchronous (list the archive's "
            + "applicationName in synchronous_standby_names for an RPO of zero, at a cost in commit latency). "
            + "202 with the archive and its stream task; Location is the archive's address.")
    @APIResponse(responseCode = "202", description = "Accepted; the stream task starts", headers = @Header(name =
            "Location", description = "The archive's address", schema = @Schema(type = SchemaType.STRING,
                    format = "uri")), content = @Content(schema = @Schema(implementation =
                    WalArchiveAccepted.class)))
    @APIResponse(responseCode = "400", description = "A cluster or storage name that breaks its rule")
    @APIResponse(responseCode = "409", description = "The cluster has an active archive already")
    @APIResponse(responseCode = "422", description = "Unknown cluster or storage location")
    public RestResponse<WalArchiveAccepted> switchOn(@NotNull @Valid @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "default storage", summary = "Archive prod's WAL into the default storage",
                    value = "{\"cluster\": \"prod\"}"),
            @ExampleObject(name = "synchronous", summary = "Synchronous archiving into S3",
                    value = "{\"cluster\": \"prod\", \"storage\": \"s3\", \"synchronous\": true}")}))
            WalArchiveRequest request, UriInfo uri) {
        WalArchive archive = service.switchOn(request);
        return RestResponse.ResponseBuilder.<WalArchiveAccepted>create(RestResponse.Status.ACCEPTED)
                .location(uri.getAbsolutePathBuilder().path(archive.id.toString()).build())
                .entity(new WalArchiveAccepted(archive.taskId, view(archive))).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listWalArchives", summary = "List WAL archives, newest first",
            description = "Every archive, switched off ones too, optionally of one cluster; each with its state, "
            + "continuity and recovery window.")
    @APIResponse(responseCode = "200", description = "The archives")
    @APIResponse(responseCode = "400", description = "A cluster name that breaks its rule")
    public List<WalArchiveView> list(@QueryParam("cluster") @Pattern(regexp = Names.RESOURCE,
            message = Names.RESOURCE_RULE) String cluster) {
        return service.archives(cluster).stream().map(this::view).toList();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getWalArchive", summary = "Query a WAL archive",
            description = "State, first and last segment, the last segment's age, segments and bytes stored, the "
            + "gaps in words and the recovery window.")
    @APIResponse(responseCode = "200", description = "The archive")
    @APIResponse(responseCode = "404", description = "No archive with this id")
    public WalArchiveView get(@PathParam("id") UUID id) {
        return view(service.archive(id));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "switchOffWalArchive", summary = "Switch off a WAL archive",
            description = "Asks its stream task to stop; the archive is stopping until the task has ended, then "
            + "stopped. The archived files stay until retention removes them.")
    @APIResponse(responseCode = "202", description = "Accepted; the stream task stops", content = @Content(
            schema = @Schema(implementation = WalArchiveAccepted.class)))
    @APIResponse(responseCode = "404", description = "No archive with this id")
    @APIResponse(responseCode = "409", description = "Stopped or failed already")
    public RestResponse<WalArchiveAccepted> switchOff(@PathParam("id") UUID id) {
        WalArchive archive = service.switchOff(id);
        return RestResponse.accepted(new WalArchiveAccepted(archive.taskId, view(archive)));
    }

    private WalArchiveView view(WalArchive archive) {
        WalContinuity continuity = catalog.continuity(archive.id);
        return WalArchiveView.of(archive, continuity, catalog.window(archive, continuity));
    }
}
