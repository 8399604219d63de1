package io.drsuite.snapshot.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.snapshot.api.PolicyRequest;
import io.drsuite.snapshot.model.BackupPolicy;
import io.drsuite.snapshot.policy.CronSchedule;
import io.drsuite.snapshot.policy.PolicyScheduler;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Backup policies: scheduled snapshots with retention. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Backup policies", description = "Snapshots on a cron schedule, expired by retention")
public class PolicyResource {

    private final PolicyService service;
    private final PolicyScheduler scheduler;

    PolicyResource(PolicyService service, PolicyScheduler scheduler) {
        this.service = service;
        this.scheduler = scheduler;
    }

    @RolesAllowed({ADMIN})
    @POST
    @Operation(summary = "Create a policy", description = "schedule: Unix cron in UTC; retention: keepLast and/or "
            + "maxAge (ISO-8601, e.g. P7D). 201 with the policy and its next run.")
    public RestResponse<PolicyView> create(@NotNull @Valid PolicyRequest request, UriInfo uri) {
        BackupPolicy policy = service.create(request);
        return RestResponse.ResponseBuilder.<PolicyView>created(uri.getAbsolutePathBuilder()
                .path(policy.id.toString()).build()).entity(view(policy)).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(summary = "List policies")
    public List<PolicyView> list() {
        return service.policies().stream().map(this::view).toList();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(summary = "Query a policy", description = "With its last and next scheduled run.")
    public PolicyView get(@PathParam("id") UUID id) {
        return view(service.policy(id));
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a policy", description = "suspended: true keeps it without running it.")
    public PolicyView update(@PathParam("id") UUID id, @NotNull @Valid PolicyRequest request) {
        return view(service.update(id, request));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a policy", description = "Its snapshots stay, no longer under retention.")
    public RestResponse<Void> delete(@PathParam("id") UUID id) {
        service.delete(id);
        return RestResponse.noContent();
    }

    /**
     * The next run as this instance's scheduler has it; right after a change, before the commit reached the
     * scheduler, the cron expression says it.
     */
    private PolicyView view(BackupPolicy policy) {
        return PolicyView.of(policy, scheduler.nextRun(policy).orElseGet(() -> CronSchedule.parse(policy.schedule)
                .nextAfter(Instant.now()).orElse(null)));
    }
}
