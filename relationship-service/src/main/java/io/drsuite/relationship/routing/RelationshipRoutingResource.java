package io.drsuite.relationship.routing;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A relationship's routing: the DNS name its switchovers and failovers point at the promoted cluster, and the
 * webhooks called on every role change of its primary.
 */
@Path("/api/v1/relationships/{id}/routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Routing", description = "DNS names and webhooks that follow the primary")
public class RelationshipRoutingResource {

    private final RoutingConfiguration configuration;

    RelationshipRoutingResource(RoutingConfiguration configuration) {
        this.configuration = configuration;
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "getRelationshipRouting", summary = "Get a relationship's routing",
            description = "The DNS name its switchovers and failovers point at the promoted cluster, and its "
                    + "webhooks. Keys are never shown, only secretSet.")
    @APIResponse(responseCode = "200", description = "The routing; dns null and no webhooks when none is set")
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    public RoutingView get(@PathParam("id") UUID id) {
        return configuration.ofRelationship(id);
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Operation(operationId = "setRelationshipRouting", summary = "Set a relationship's routing",
            description = "Replaces its DNS name and webhooks. A secret left out keeps the stored one for the same "
                    + "DNS route or webhook URL. The TSIG key and the webhook keys are sealed before they are "
                    + "stored and never returned.")
    @APIResponse(responseCode = "200", description = "The routing as stored")
    @APIResponse(responseCode = "400", description = "A field breaks a rule: a host, a DNS name that is not "
            + "absolute or not in the zone, a key that is not base64, a URL that is not http(s), a new route or "
            + "webhook without its secret")
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    public RoutingView put(@PathParam("id") UUID id,
            @NotNull @Valid @RequestBody(content = @Content(examples = @ExampleObject(name = "dns and a webhook",
                    summary = "Point shop-rw.db.example. at the primary and call a webhook",
                    value = RoutingRequest.EXAMPLE))) RoutingRequest request) {
        return configuration.configureRelationship(id, request);
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Operation(operationId = "removeRelationshipRouting", summary = "Remove a relationship's routing",
            description = "Its DNS name is no longer updated and its webhooks no longer called; calls already "
                    + "due are still made.")
    @APIResponse(responseCode = "204", description = "Removed (or there was none)")
    @APIResponse(responseCode = "404", description = "No relationship with this id")
    public Response delete(@PathParam("id") UUID id) {
        configuration.removeFromRelationship(id);
        return Response.noContent().build();
    }
}
