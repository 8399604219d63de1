package io.drsuite.snapshot.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.validation.Names;
import io.drsuite.snapshot.api.RestorePointRequest;
import io.drsuite.snapshot.model.RestorePoint;
import io.drsuite.snapshot.pitr.RestorePointService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Named restore points in a cluster's WAL, for point-in-time restores to aim at. */
@Path("/api/v1/restore-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Restore points", description = "Named points in a cluster's WAL (pg_create_restore_point)")
public class RestorePointResource {

    private final RestorePointService service;

    RestorePointResource(RestorePointService service) {
        this.service = service;
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Operation(operationId = "createRestorePoint", summary = "Create a named restore point",
            description = "Runs pg_create_restore_point on the cluster's primary and records the name, the LSN "
            + "and the timeline; a point-in-time restore can then name it as its target. Names are 1 to 63 "
            + "characters and unique per cluster.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(
            implementation = RestorePointView.class)))
    @APIResponse(responseCode = "400", description = "A name that breaks its rule")
    @APIResponse(responseCode = "409", description = "The cluster has a restore point of that name")
    @APIResponse(responseCode = "422", description = "Unknown cluster, or its main node is not a primary or does "
            + "not answer")
    public RestResponse<RestorePointView> create(@NotNull @Valid @RequestBody(content = @Content(examples =
            @ExampleObject(name = "before a migration", summary = "Mark the moment before a schema migration",
                    value = "{\"cluster\": \"prod\", \"name\": \"before-migration-42\"}")))
            RestorePointRequest request) {
        RestorePoint point = service.create(request);
        return RestResponse.status(RestResponse.Status.CREATED, RestorePointView.of(point));
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listRestorePoints", summary = "List restore points, newest first",
            description = "Every restore point, optionally of one cluster.")
    @APIResponse(responseCode = "200", description = "The restore points")
    @APIResponse(responseCode = "400", description = "A cluster name that breaks its rule")
    public List<RestorePointView> list(@QueryParam("cluster") @Pattern(regexp = Names.RESOURCE,
            message = Names.RESOURCE_RULE) String cluster) {
        return service.restorePoints(cluster).stream().map(RestorePointView::of).toList();
    }
}
