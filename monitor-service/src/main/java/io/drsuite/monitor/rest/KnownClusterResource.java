package io.drsuite.monitor.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * monitor-service's projection of the cluster registry, read-only.
 */
@Path("/api/v1/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clusters", description = "The clusters this service watches, as learned from drsuite.clusters")
public class KnownClusterResource {

    private final ClusterCatalog catalog;

    KnownClusterResource(ClusterCatalog catalog) {
        this.catalog = catalog;
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listKnownClusters", summary = "List the clusters monitor-service knows",
            description = "By name.")
    @APIResponse(responseCode = "200", description = "One page of clusters")
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not one")
    public RestResponse<List<KnownClusterView>> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return catalog.clusters(PageRequest.of(limit, cursor)).map(KnownClusterView::of).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{name}")
    @Operation(operationId = "getKnownCluster", summary = "Get one known cluster",
            description = "The cluster's nodes as the registry announced them.")
    @APIResponse(responseCode = "200", description = "The cluster")
    @APIResponse(responseCode = "404", description = "monitor-service knows no cluster of that name")
    public KnownClusterView get(@PathParam("name") String name) {
        return catalog.cluster(name).map(KnownClusterView::of)
                .orElseThrow(() -> ProblemException.notFound("cluster", "monitor-service knows no cluster named '"
                        + name + "'"));
    }
}
