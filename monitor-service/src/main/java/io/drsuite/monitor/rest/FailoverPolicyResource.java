package io.drsuite.monitor.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.monitor.failover.FailoverPolicies;
import io.drsuite.monitor.model.FailoverPolicy;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The opt-in automatic failover policy of a relationship (off unless set). */
@Path("/api/v1/policies/auto-failover/{relationshipId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Automatic failover", description = "Opt-in, per relationship; see AutoFailover for the conditions")
public class FailoverPolicyResource {

    private final FailoverPolicies policies;

    FailoverPolicyResource(FailoverPolicies policies) {
        this.policies = policies;
    }

    /** A policy as set and shown. */
    public record Policy(@NotNull Boolean enabled, @Min(1) @Max(3600) Integer primaryDownSeconds,
            @PositiveOrZero Long maxDataLossBytes, Instant lastRequestedAt) {

        static Policy of(FailoverPolicy policy) {
            return new Policy(policy.enabled, policy.primaryDownSeconds, policy.maxDataLossBytes,
                    policy.lastRequestedAt);
        }
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "getAutoFailoverPolicy", summary = "A relationship's automatic failover policy",
            description = "Off, with the default bounds, for a relationship that never had one set.")
    @APIResponse(responseCode = "200", description = "The policy")
    public Policy get(@PathParam("relationshipId") UUID relationshipId) {
        return Policy.of(policies.of(relationshipId));
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Operation(operationId = "setAutoFailoverPolicy", summary = "Turn automatic failover on or off for a relationship",
            description = "primaryDownSeconds (default 30) and maxDataLossBytes (default 16 MiB) bound when it may "
                    + "act; lastRequestedAt is not set by the request.")
    @APIResponse(responseCode = "200", description = "The policy as set")
    public Policy put(@PathParam("relationshipId") UUID relationshipId, @NotNull @Valid @RequestBody(content =
            @Content(examples = @ExampleObject(name = "on", summary = "On, after 60 s down, losing at most 1 MiB",
                    value = "{\"enabled\": true, \"primaryDownSeconds\": 60, \"maxDataLossBytes\": 1048576}")))
            Policy request) {
        return Policy.of(policies.set(relationshipId, request.enabled(), request.primaryDownSeconds(),
                request.maxDataLossBytes()));
    }
}
