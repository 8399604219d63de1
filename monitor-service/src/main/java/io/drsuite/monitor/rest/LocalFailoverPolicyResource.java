package io.drsuite.monitor.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.monitor.failover.LocalFailoverPolicies;
import io.drsuite.monitor.failover.LocalFailoverPolicies.NamedPolicy;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The opt-in automatic local failover policy of a cluster (off unless set). */
@Path("/api/v1/clusters/{name}/local-failover-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Automatic local failover", description = "Opt-in, per cluster: promote the cluster's own most "
        + "advanced standby when its primary is lost; preferred over a cross-cluster failover")
public class LocalFailoverPolicyResource {

    private final LocalFailoverPolicies policies;

    LocalFailoverPolicyResource(LocalFailoverPolicies policies) {
        this.policies = policies;
    }

    /** A policy as set and shown. */
    public record LocalPolicy(String cluster, @NotNull Boolean enabled, @Min(1) @Max(3600) Integer primaryDownSeconds,
            @PositiveOrZero Long maxLagBytes, Instant lastRequestedAt, String lastRequestedNode) {

        static LocalPolicy of(NamedPolicy named) {
            return new LocalPolicy(named.cluster(), named.policy().enabled, named.policy().primaryDownSeconds,
                    named.policy().maxLagBytes, named.policy().lastRequestedAt, named.policy().lastRequestedNode);
        }
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "getLocalFailoverPolicy", summary = "A cluster's automatic local failover policy",
            description = "Off, with the default bounds, for a cluster that never had one set.")
    @APIResponse(responseCode = "200", description = "The policy")
    @APIResponse(responseCode = "404", description = "monitor-service knows no cluster of that name")
    public LocalPolicy get(@PathParam("name") String name) {
        return LocalPolicy.of(policies.of(name));
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Operation(operationId = "setLocalFailoverPolicy", summary = "Turn automatic local failover on or off for a "
            + "cluster", description = "When on, monitor-service asks for a failover to the cluster's most advanced "
            + "standby once the primary has not answered for primaryDownSeconds (default 30), a standby's WAL "
            + "receiver lost it too and that standby is within maxLagBytes (default 16 MiB) of the primary's last "
            + "position seen. cluster, lastRequestedAt and lastRequestedNode are not set by the request.")
    @APIResponse(responseCode = "200", description = "The policy as set")
    @APIResponse(responseCode = "400", description = "A bound out of range")
    @APIResponse(responseCode = "404", description = "monitor-service knows no cluster of that name")
    public LocalPolicy put(@PathParam("name") String name, @NotNull @Valid @RequestBody(content =
            @Content(examples = @ExampleObject(name = "on", summary = "On, after 10 s down, at most 1 MiB behind",
                    value = "{\"enabled\": true, \"primaryDownSeconds\": 10, \"maxLagBytes\": 1048576}")))
            LocalPolicy request) {
        return LocalPolicy.of(policies.set(name, request.enabled(), request.primaryDownSeconds(),
                request.maxLagBytes()));
    }
}
