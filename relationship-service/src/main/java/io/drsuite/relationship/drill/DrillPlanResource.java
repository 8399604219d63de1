package io.drsuite.relationship.drill;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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

/**
 * The drill plan API: drills on a cron schedule.
 */
@Path("/api/v1/drill-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Drill plans", description = "Drills started on a schedule")
public class DrillPlanResource {

    private static final String EXAMPLE = """
            {"name": "shop-weekly", "relationship": "shop", "sandbox": "local", "schedule": "0 3 * * 0",
             "checks": [{"name": "orders_recent", "database": "shop",
                         "sql": "select count(*) > 0 from orders where created_at > now() - interval '1 day'",
                         "expected": "true"}]}
            """;

    private final DrillPlans plans;

    DrillPlanResource(DrillPlans plans) {
        this.plans = plans;
    }

    @RolesAllowed({ADMIN})
    @POST
    @Operation(operationId = "createDrillPlan", summary = "Create a drill plan", description = "A relationship's "
            + "failover rehearsal on a sandbox with user checks, started at each time of a Unix cron schedule "
            + "(UTC). A due time whose drill is refused (the relationship not active, a drill running, the sandbox "
            + "full, ...) is recorded in lastError and not retried before the next due time.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location",
            description = "The plan's address", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = DrillPlanView.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule: name, schedule not a five-field Unix "
            + "cron expression, more than 20 checks, a check name twice, a blank or too long SQL")
    @APIResponse(responseCode = "409", description = "A drill plan of that name exists")
    @APIResponse(responseCode = "422", description = "No relationship or no sandbox of that name")
    public RestResponse<DrillPlanView> create(@NotNull @Valid @RequestBody(content = @Content(examples =
            @ExampleObject(name = "weekly", summary = "Rehearse shop's failover every Sunday at 03:00 UTC",
                    value = EXAMPLE))) DrillPlanRequest request, UriInfo uri) {
        DrillPlanView view = DrillPlanView.of(plans.create(request));
        return RestResponse.ResponseBuilder.<DrillPlanView>created(uri.getAbsolutePathBuilder().path(view.name())
                .build()).entity(view).build();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listDrillPlans", summary = "List drill plans", description = "By name, with their "
            + "next and last run.")
    @APIResponse(responseCode = "200", description = "One page of drill plans")
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not one")
    public RestResponse<List<DrillPlanView>> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return plans.plans(PageRequest.of(limit, cursor)).map(DrillPlanView::of).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{name}")
    @Operation(operationId = "getDrillPlan", summary = "Get one drill plan", description = "Its settings, its next "
            + "run, and its last run with the drill it started or why none started.")
    @APIResponse(responseCode = "200", description = "The drill plan")
    @APIResponse(responseCode = "404", description = "No drill plan of that name")
    public DrillPlanView get(@PathParam("name") String name) {
        return plans.plan(name).map(DrillPlanView::of)
                .orElseThrow(() -> ProblemException.notFound("drill-plan", "no drill plan named '" + name + "'"));
    }

    @RolesAllowed({ADMIN})
    @PUT
    @Path("/{name}")
    @Operation(operationId = "replaceDrillPlan", summary = "Replace a drill plan's settings", description = "The "
            + "whole plan but its name (which, if given, must be the address's). A changed schedule, or a plan no "
            + "longer suspended, runs next at the schedule's first time after now; a suspended plan has no next "
            + "run.")
    @APIResponse(responseCode = "200", description = "The plan as it is now")
    @APIResponse(responseCode = "400", description = "A field breaks a rule, as when creating, or the body names "
            + "another plan")
    @APIResponse(responseCode = "404", description = "No drill plan of that name")
    @APIResponse(responseCode = "422", description = "No relationship or no sandbox of that name")
    public DrillPlanView replace(@PathParam("name") String name, @NotNull @Valid @RequestBody(content =
            @Content(examples = @ExampleObject(name = "weekly", summary = "Every Sunday at 03:00 UTC",
                    value = EXAMPLE))) DrillPlanRequest request) {
        return DrillPlanView.of(plans.update(name, request));
    }

    @RolesAllowed({ADMIN})
    @DELETE
    @Path("/{name}")
    @Operation(operationId = "deleteDrillPlan", summary = "Delete a drill plan", description = "The drills it "
            + "started stay, with its name; a drill of it that runs goes on.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No drill plan of that name")
    public Response delete(@PathParam("name") String name) {
        plans.delete(name);
        return Response.noContent().build();
    }
}
