package io.drsuite.relationship.drill;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The sandbox registry API.
 */
@Path("/api/v1/sandboxes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sandboxes", description = "Where drills may create and remove throwaway PostgreSQL instances")
public class SandboxResource {

    private final Sandboxes sandboxes;

    SandboxResource(Sandboxes sandboxes) {
        this.sandboxes = sandboxes;
    }

    @RolesAllowed({ADMIN})
    @POST
    @Operation(operationId = "registerSandbox", summary = "Register a sandbox", description = "A host, its access "
            + "(as a cluster node's), a data directory root and a port range. Refused when a registered cluster's "
            + "node on that host listens inside the range or keeps its data inside the root (or around it). The "
            + "host is not contacted.")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "Location",
            description = "The sandbox's address", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = SandboxView.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule: name, dataRoot not absolute and "
            + "normalised, ports outside 1024..65535, portFrom above portTo or more than 1000 ports")
    @APIResponse(responseCode = "409", description = "A sandbox of that name exists, or a cluster's node lies "
            + "inside the sandbox")
    public RestResponse<SandboxView> register(@NotNull @Valid @RequestBody(content = @Content(examples =
            @ExampleObject(name = "local", summary = "Ports 6500-6519 under /srv/drsuite-sandbox on this host",
                    value = """
                            {"name": "local", "host": "127.0.0.1",
                             "access": {"kind": "local", "osUser": "postgres"},
                             "dataRoot": "/srv/drsuite-sandbox", "portFrom": 6500, "portTo": 6519}
                            """))) SandboxRegistration registration, UriInfo uri) {
        SandboxView view = SandboxView.of(sandboxes.register(registration));
        return RestResponse.ResponseBuilder.<SandboxView>created(uri.getAbsolutePathBuilder().path(view.name())
                .build()).entity(view).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listSandboxes", summary = "List sandboxes", description = "By name.")
    @APIResponse(responseCode = "200", description = "One page of sandboxes")
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not one")
    public RestResponse<List<SandboxView>> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return sandboxes.sandboxes(PageRequest.of(limit, cursor)).map(SandboxView::of).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{name}")
    @Operation(operationId = "getSandbox", summary = "Get one sandbox", description = "Its host, access, data root "
            + "and port range.")
    @APIResponse(responseCode = "200", description = "The sandbox")
    @APIResponse(responseCode = "404", description = "No sandbox of that name")
    public SandboxView get(@PathParam("name") String name) {
        return sandboxes.sandbox(name).map(SandboxView::of)
                .orElseThrow(() -> ProblemException.notFound("sandbox", "no sandbox named '" + name + "'"));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{name}")
    @Operation(operationId = "removeSandbox", summary = "Remove a sandbox from the registry", description = "The "
            + "host is not touched. Refused while a drill runs on it.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No sandbox of that name")
    @APIResponse(responseCode = "409", description = "A drill runs on the sandbox")
    public Response remove(@PathParam("name") String name) {
        sandboxes.remove(name);
        return Response.noContent().build();
    }
}
