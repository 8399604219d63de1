package io.drsuite.monitor.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.monitor.alert.AlertHistory;
import io.drsuite.monitor.model.Alert;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Alerts, newest first. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Raised once, resolved once; also published on drsuite.alerts")
public class AlertResource {

    /** An alert as the API shows it. */
    public record AlertView(UUID id, String rule, String subject, UUID relationshipId, String state, String detail,
            Instant raisedAt, Instant resolvedAt) {

        static AlertView of(Alert alert) {
            return new AlertView(alert.id, alert.rule, alert.subject, alert.relationshipId,
                    alert.state.wireName(), alert.detail, alert.raisedAt, alert.resolvedAt);
        }
    }

    private final AlertHistory history;

    AlertResource(AlertHistory history) {
        this.history = history;
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listAlerts", summary = "List alerts", description = "Newest first. state: firing or "
            + "resolved; all when absent.")
    @APIResponse(responseCode = "200", description = "One page of alerts")
    @APIResponse(responseCode = "400", description = "An unknown state, a limit out of range or a cursor that is "
            + "not one")
    public RestResponse<List<AlertView>> list(@QueryParam("state") String state, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return history.newestFirst(state == null ? null : parse(state), PageRequest.of(limit, cursor))
                .map(AlertView::of).response(uri);
    }

    private static Alert.State parse(String state) {
        try {
            return Alert.State.fromWire(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state", "must be firing or resolved");
        }
    }
}
