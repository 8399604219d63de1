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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    @Operation(operationId = "registerCluster", summary = "Register a cluster", description = "Connects to every "
            + "node, discovers its version and role, and refuses unreachable clusters and clusters without exactly "
            + "one primary. The passwords are sealed before they are stored and never returned.")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "Location",
            description = "The cluster's address", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "409", description = "A cluster of that name, or one of its nodes, is registered")
    @APIResponse(responseCode = "422", description = "A node cannot be reached, or the nodes are not one cluster with "
            + "exactly one primary")
    public RestResponse<ClusterView> register(@NotNull @Valid @RequestBody(content = @Content(examples =
            @ExampleObject(name = "two nodes", summary = "A primary and a standby on one host, reached locally",
                    value = """
                            {"name": "prod",
                             "nodes": [
                               {"name": "prod-1", "host": "10.0.0.11", "port": 5432,
                                "dataDirectory": "/var/lib/postgresql/17/main",
                                "access": {"kind": "local", "osUser": "postgres"}},
                               {"name": "prod-2", "host": "10.0.0.12", "port": 5432,
                                "dataDirectory": "/var/lib/postgresql/17/main",
                                "access": {"kind": "ssh", "sshHost": "10.0.0.12", "sshPort": 22,
                                           "sshUser": "postgres", "sshKeyRef": "prod-2"}}],
                             "adminLogin": {"username": "drsuite_admin", "password": "change-me"},
                             "replicationLogin": {"username": "drsuite_repl", "password": "change-me-too"}}
                            """))) ClusterRegistration registration, UriInfo uri) {
        ClusterView view = ClusterView.of(registry.register(registration));
        return RestResponse.ResponseBuilder.<ClusterView>created(uri.getAbsolutePathBuilder().path(view.name()).build())
                .entity(view).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listClusters", summary = "List registered clusters", description = "By name.")
    @APIResponse(responseCode = "200", description = "One page of clusters")
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not one")
    public RestResponse<List<ClusterView>> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return registry.clusters(PageRequest.of(limit, cursor)).map(ClusterView::of).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{name}")
    @Operation(operationId = "getCluster", summary = "Get one cluster", description = "Its nodes with their roles "
            + "and host access, the logins' user names (never the passwords), its local synchronous standbys, the "
            + "operation running inside it (null when none) and the last one that ended.")
    @APIResponse(responseCode = "200", description = "The cluster")
    @APIResponse(responseCode = "404", description = "No cluster of that name")
    public ClusterView get(@PathParam("name") String name) {
        return registry.cluster(name).map(ClusterView::of)
                .orElseThrow(() -> ProblemException.notFound("cluster", "no cluster named '" + name + "'"));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{name}")
    @Operation(operationId = "removeCluster", summary = "Remove a cluster from the registry", description = "The "
            + "cluster's servers are not touched. Needs a reason (?reason=...), kept in the audit log.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No cluster of that name")
    @APIResponse(responseCode = "409", description = "The cluster is in a DR relationship")
    public Response remove(@PathParam("name") String name, @QueryParam("reason") String reason) {
        audited.requireReason(reason, "Removing a cluster");
        registry.remove(name);
        return Response.noContent().build();
    }
}
