package io.drsuite.relationship.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.audit.AuditedRequest;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.api.ClusterRegistration;
import io.drsuite.relationship.service.ClusterRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The cluster registry API.
 */
@Path("/api/v1/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clusters", description = "The registry of PostgreSQL clusters the suite protects")
public class ClusterResource {

    private final ClusterRegistry registry;
    private final AuditedRequest audited;

    ClusterResource(ClusterRegistry registry, AuditedRequest audited) {
        this.registry = registry;
        this.audited = audited;
    }

    @RolesAllowed({ADMIN})
    @POST
    @Operation(summary = "Register a cluster", description = "Connects to every node, discovers its version and "
            + "role, and refuses unreachable clusters and clusters without exactly one primary.")
    public RestResponse<ClusterView> register(@NotNull @Valid ClusterRegistration registration, UriInfo uri) {
        ClusterView view = ClusterView.of(registry.register(registration));
        return RestResponse.ResponseBuilder.<ClusterView>created(uri.getAbsolutePathBuilder().path(view.name()).build())
                .entity(view).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(summary = "List registered clusters", description = "By name. Paged: limit (1-500, 100 by default); "
            + "the next page's address is in the Link header (rel=next).")
    public RestResponse<List<ClusterView>> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return registry.clusters(PageRequest.of(limit, cursor)).map(ClusterView::of).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{name}")
    @Operation(summary = "Get one cluster")
    public ClusterView get(@PathParam("name") String name) {
        return registry.cluster(name).map(ClusterView::of)
                .orElseThrow(() -> ProblemException.notFound("cluster", "no cluster named '" + name + "'"));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{name}")
    @Operation(summary = "Remove a cluster from the registry", description = "The cluster's servers are not touched. "
            + "Needs a reason (?reason=...), kept in the audit log.")
    public Response remove(@PathParam("name") String name, @QueryParam("reason") String reason) {
        audited.requireReason(reason, "Removing a cluster");
        registry.remove(name);
        return Response.noContent().build();
    }
}
