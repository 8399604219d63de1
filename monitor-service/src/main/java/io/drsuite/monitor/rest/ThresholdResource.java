package io.drsuite.monitor.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.monitor.model.RelationshipThreshold;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A relationship's own lag thresholds for alerts; an absent value means the global default. */
@Path("/api/v1/health/relationships/{id}/thresholds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Health")
public class ThresholdResource {

    /** Lag above which the relationship alerts. */
    public record Thresholds(@Positive Long lagBytes, @Positive Double lagSeconds) {
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Transactional
    @Operation(summary = "A relationship's own lag thresholds (null: the global default)")
    public Thresholds get(@PathParam("id") UUID id) {
        RelationshipThreshold threshold = RelationshipThreshold.findById(id);
        return threshold == null ? new Thresholds(null, null)
                : new Thresholds(threshold.lagBytes, threshold.lagSeconds);
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Transactional
    @Operation(summary = "Set a relationship's own lag thresholds")
    public Thresholds put(@PathParam("id") UUID id, @NotNull @Valid Thresholds thresholds) {
        RelationshipThreshold threshold = RelationshipThreshold.<RelationshipThreshold>findByIdOptional(id)
                .orElseGet(RelationshipThreshold::new);
        threshold.relationshipId = id;
        threshold.lagBytes = thresholds.lagBytes();
        threshold.lagSeconds = thresholds.lagSeconds();
        threshold.persist();
        return thresholds;
    }
}
