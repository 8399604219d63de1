package io.drsuite.monitor.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.monitor.alert.RelationshipThresholds;
import io.drsuite.monitor.model.RelationshipThreshold;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A relationship's own lag thresholds for alerts; an absent value means the global default. */
@Path("/api/v1/health/relationships/{id}/thresholds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Health")
public class ThresholdResource {

    private final RelationshipThresholds thresholds;

    ThresholdResource(RelationshipThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Lag above which the relationship alerts. */
    public record Thresholds(@Positive Long lagBytes, @Positive Double lagSeconds) {

        static Thresholds of(RelationshipThreshold threshold) {
            return new Thresholds(threshold.lagBytes, threshold.lagSeconds);
        }
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "getLagThresholds", summary = "A relationship's own lag thresholds",
            description = "A null threshold means the global default (drsuite.monitor.alerts.*).")
    @APIResponse(responseCode = "200", description = "The thresholds")
    public Thresholds get(@PathParam("id") UUID id) {
        return thresholds.of(id).map(Thresholds::of).orElse(new Thresholds(null, null));
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Operation(operationId = "setLagThresholds", summary = "Set a relationship's own lag thresholds",
            description = "Replaces both; a null or absent one falls back to the global default.")
    @APIResponse(responseCode = "200", description = "The thresholds as set")
    public Thresholds put(@PathParam("id") UUID id, @NotNull @Valid @RequestBody(content = @Content(examples =
            @ExampleObject(name = "both", summary = "Alert above 64 MiB or 30 s of lag",
                    value = "{\"lagBytes\": 67108864, \"lagSeconds\": 30}"))) Thresholds request) {
        return Thresholds.of(thresholds.set(id, request.lagBytes(), request.lagSeconds()));
    }
}
