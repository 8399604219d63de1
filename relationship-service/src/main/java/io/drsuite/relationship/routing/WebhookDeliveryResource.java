package io.drsuite.relationship.routing;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The webhook calls made (or to be made) on role changes, with their delivery state. */
@Path("/api/v1/webhook-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Routing", description = "DNS names and webhooks that follow the primary")
public class WebhookDeliveryResource {

    private final WebhookDeliveries deliveries;

    WebhookDeliveryResource(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listWebhookDeliveries", summary = "List webhook calls",
            description = "Newest first, with their state (pending, delivered, failed), attempts and last answer; "
                    + "those of one cluster's or one relationship's webhooks when asked.")
    @APIResponse(responseCode = "200", description = "One page of webhook calls")
    @APIResponse(responseCode = "400", description = "A limit out of range, a cursor that is not one, or a "
            + "relationship that is not an id")
    public RestResponse<List<WebhookDeliveryView>> list(
            @Parameter(description = "Only the calls of this cluster's webhooks") @QueryParam("cluster")
            String cluster,
            @Parameter(description = "Only the calls of this relationship's webhooks (its id)")
            @QueryParam("relationship") String relationship,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, UriInfo uri) {
        return deliveries.list(blankToNull(cluster), relationshipId(relationship), PageRequest.of(limit, cursor))
                .response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookDelivery", summary = "Get one webhook call",
            description = "Its state, attempts, next attempt while pending, last answer and what it tells.")
    @APIResponse(responseCode = "200", description = "The webhook call")
    @APIResponse(responseCode = "404", description = "No webhook call with this id")
    public WebhookDeliveryView get(@PathParam("id") long id) {
        return deliveries.get(id).orElseThrow(() -> ProblemException.notFound("webhook-delivery",
                "no webhook call " + id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static UUID relationshipId(String relationship) {
        if (relationship == null || relationship.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(relationship.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("relationship", "relationship must be a relationship's id");
        }
    }
}
