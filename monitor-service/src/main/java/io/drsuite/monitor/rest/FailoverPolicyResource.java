package io.drsuite.monitor.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.monitor.model.FailoverPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The opt-in automatic failover policy of a relationship (off unless set). */
@Path("/api/v1/policies/auto-failover/{relationshipId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Automatic failover", description = "Opt-in, per relationship; see AutoFailover for the conditions")
public class FailoverPolicyResource {

    private static final int DEFAULT_PRIMARY_DOWN_SECONDS = 30;
    private static final long DEFAULT_MAX_DATA_LOSS_BYTES = 16L * 1024 * 1024;

    /** A policy as set and shown. */
    public record Policy(@NotNull Boolean enabled, @Min(1) @Max(3600) Integer primaryDownSeconds,
            @PositiveOrZero Long maxDataLossBytes, Instant lastRequestedAt) {
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Transactional
    @Operation(summary = "A relationship's automatic failover policy")
    public Policy get(@PathParam("relationshipId") UUID relationshipId) {
        FailoverPolicy policy = FailoverPolicy.findById(relationshipId);
        return policy == null
                ? new Policy(false, DEFAULT_PRIMARY_DOWN_SECONDS, DEFAULT_MAX_DATA_LOSS_BYTES, null)
                : view(policy);
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Transactional
    @Operation(summary = "Turn automatic failover on or off for a relationship", description = "primaryDownSeconds "
            + "(default 30) and maxDataLossBytes (default 16 MiB) bound when it may act.")
    public Policy put(@PathParam("relationshipId") UUID relationshipId, @NotNull @Valid Policy request) {
        FailoverPolicy policy = FailoverPolicy.<FailoverPolicy>findByIdOptional(relationshipId)
                .orElseGet(FailoverPolicy::new);
        policy.relationshipId = relationshipId;
        policy.enabled = request.enabled();
        policy.primaryDownSeconds = request.primaryDownSeconds() == null ? DEFAULT_PRIMARY_DOWN_SECONDS
                : request.primaryDownSeconds();
        policy.maxDataLossBytes = request.maxDataLossBytes() == null ? DEFAULT_MAX_DATA_LOSS_BYTES
                : request.maxDataLossBytes();
        policy.persist();
        return view(policy);
    }

    private static Policy view(FailoverPolicy policy) {
        return new Policy(policy.enabled, policy.primaryDownSeconds, policy.maxDataLossBytes, policy.lastRequestedAt);
    }
}
