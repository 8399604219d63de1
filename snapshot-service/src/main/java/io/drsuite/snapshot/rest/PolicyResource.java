package io.drsuite.snapshot.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.snapshot.api.PolicyRequest;
import io.drsuite.snapshot.model.BackupPolicy;
import io.drsuite.snapshot.policy.PolicyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Backup policies: scheduled snapshots with retention. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Backup policies", description = "Snapshots on a cron schedule, expired by retention")
public class PolicyResource {

    private final PolicyService service;

    PolicyResource(PolicyService service) {
        this.service = service;
    }

    @RolesAllowed({ADMIN})
    @POST
    @Operation(operationId = "createPolicy", summary = "Create a policy", description = "schedule: Unix cron in "
            + "UTC; retention: keepLast and/or maxAge (ISO-8601, e.g. P7D). 201 with the policy and its next run.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description =
            "The policy's address", schema = @Schema(type = SchemaType.STRING, format = "uri")), content =
            @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "409", description = "A policy of that name exists, or the cluster is the DR "
            + "cluster of a relationship")
    @APIResponse(responseCode = "422", description = "Unknown cluster, database, table or storage location")
    public RestResponse<PolicyView> create(@NotNull @Valid @RequestBody(content = @Content(examples =
            @ExampleObject(name = "nightly", summary = "A physical snapshot every night at 02:00, kept a week",
                    value = "{\"name\": \"prod-nightly\", \"cluster\": \"prod\", \"kind\": \"physical\", "
                            + "\"schedule\": \"0 2 * * *\", \"retention\": {\"keepLast\": 7, "
                            + "\"maxAge\": \"P7D\"}}"))) PolicyRequest request, UriInfo uri) {
        BackupPolicy policy = service.create(request);
        return RestResponse.ResponseBuilder.<PolicyView>created(uri.getAbsolutePathBuilder()
                .path(policy.id.toString()).build()).entity(view(policy)).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listPolicies", summary = "List policies", description = "By name, each with its "
            + "next run.")
    @APIResponse(responseCode = "200", description = "Every policy")
    public List<PolicyView> list() {
        return service.policies().stream().map(this::view).toList();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getPolicy", summary = "Query a policy", description = "With its last and next "
            + "scheduled run.")
    @APIResponse(responseCode = "200", description = "The policy")
    @APIResponse(responseCode = "404", description = "No policy with this id")
    public PolicyView get(@PathParam("id") UUID id) {
        return view(service.policy(id));
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Path("/{id}")
    @Operation(operationId = "replacePolicy", summary = "Replace a policy", description = "suspended: true keeps "
            + "it without running it.")
    @APIResponse(responseCode = "200", description = "The policy as replaced")
    @APIResponse(responseCode = "404", description = "No policy with this id")
    @APIResponse(responseCode = "409", description = "Another policy has that name, or the cluster is the DR "
            + "cluster of a relationship")
    @APIResponse(responseCode = "422", description = "Unknown cluster, database, table or storage location")
    public PolicyView update(@PathParam("id") UUID id, @NotNull @Valid @RequestBody(content = @Content(examples =
            @ExampleObject(name = "suspend", summary = "Keep the nightly policy without running it",
                    value = "{\"name\": \"prod-nightly\", \"cluster\": \"prod\", \"kind\": \"physical\", "
                            + "\"schedule\": \"0 2 * * *\", \"retention\": {\"keepLast\": 7}, "
                            + "\"suspended\": true}"))) PolicyRequest request) {
        return view(service.update(id, request));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePolicy", summary = "Delete a policy", description = "Its snapshots stay, no "
            + "longer under retention.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No policy with this id")
    public RestResponse<Void> delete(@PathParam("id") UUID id) {
        service.delete(id);
        return RestResponse.noContent();
    }

    private PolicyView view(BackupPolicy policy) {
        return PolicyView.of(policy, service.nextRun(policy).orElse(null));
    }
}
