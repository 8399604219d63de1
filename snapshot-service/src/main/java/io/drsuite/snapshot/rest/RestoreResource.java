package io.drsuite.snapshot.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.problem.ProblemException;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.drsuite.snapshot.service.SnapshotService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Restores by id. */
@Path("/api/v1/restores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Snapshots")
public class RestoreResource {

    private final SnapshotService service;

    RestoreResource(SnapshotService service) {
        this.service = service;
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
