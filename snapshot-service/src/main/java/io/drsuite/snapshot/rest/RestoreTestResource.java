package io.drsuite.snapshot.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.validation.Names;
import io.drsuite.snapshot.drill.RestoreTestService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Restore test drills: backups verified by a real restore onto a sandbox node. */
@Path("/api/v1/restore-tests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Restore tests", description = "Snapshots restored onto a sandbox node, checked and destroyed; run as "
        + "drills by relationship-service")
public class RestoreTestResource {

    private final RestoreTestService service;

    RestoreTestResource(RestoreTestService service) {
        this.service = service;
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listRestoreTests", summary = "List restore tests, newest first",
            description = "Every restore test, optionally of one cluster: the snapshot restored, the restore time "
            + "against the cluster's restore objective, passed or failed and why.")
    @APIResponse(responseCode = "200", description = "One page of restore tests")
    @APIResponse(responseCode = "400", description = "A cluster name that breaks its rule, a limit out of range or "
            + "a cursor that is not one")
    public RestResponse<List<RestoreTestView>> list(@QueryParam("cluster") @Pattern(regexp = Names.RESOURCE,
            message = Names.RESOURCE_RULE) String cluster, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return service.restoreTests(cluster, PageRequest.of(limit, cursor)).map(RestoreTestView::of).response(uri);
    }
}
