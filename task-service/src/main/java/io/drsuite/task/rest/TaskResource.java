package io.drsuite.task.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.task.engine.TaskControl;
import io.drsuite.task.engine.TaskQueries;
import io.drsuite.task.model.TaskState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Tasks: what runs, where it is, what each step did. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Long operations on clusters, run as resumable steps")
public class TaskResource {

    private final TaskQueries queries;
    private final TaskControl control;

    TaskResource(TaskQueries queries, TaskControl control) {
        this.queries = queries;
        this.control = control;
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Operation(operationId = "listTasks", summary = "List tasks, newest first", description = "Filter by target "
            + "(e.g. a relationship id) and state (pending, running, succeeded, failed, cancelled).")
    @APIResponse(responseCode = "200", description = "One page of tasks, without their steps and log")
    @APIResponse(responseCode = "400", description = "An unknown state, a limit out of range or a cursor that is "
            + "not one")
    public RestResponse<List<TaskView>> list(@QueryParam("target") String target, @QueryParam("state") String state,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, UriInfo uri) {
        return queries.newestFirst(target, state == null ? null : parseState(state), PageRequest.of(limit, cursor))
                .map(TaskView::summary).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getTask", summary = "Get a task with its steps, their artifacts and the step log",
            description = "State, progress, the step it is in, each step's state and artifacts, and the step log.")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "404", description = "No task with this id")
    public TaskView get(@PathParam("id") UUID id) {
        return queries.detail(id).map(detail -> TaskView.of(detail.task(), detail.steps(), detail.log()))
                .orElseThrow(() -> ProblemException.notFound("task", "no task " + id));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelTask", summary = "Cancel a task",
            description = "A pending task is cancelled at once; a running one stops "
            + "before its next step that is safe to stop at. 409 when no such step is left.")
    @APIResponse(responseCode = "202", description = "Cancelled, or asked to stop at its next safe step",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No task with this id")
    @APIResponse(responseCode = "409", description = "The task has finished, or has no step left where it can "
            + "safely stop")
    public RestResponse<TaskView> cancel(@PathParam("id") UUID id) {
        return RestResponse.accepted(TaskView.summary(control.cancel(id)));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/resume")
    @Operation(operationId = "resumeTask", summary = "Resume a failed task at the step that failed",
            description = "Only for a task that "
            + "failed without rolling back; every step is idempotent, so the failed one simply runs again.")
    @APIResponse(responseCode = "202", description = "Resumed: it runs again from its failed step",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No task with this id")
    @APIResponse(responseCode = "409", description = "Not a failed task that was not rolled back, or a task of a DR "
            + "relationship (resume it through relationship-service)")
    public RestResponse<TaskView> resume(@PathParam("id") UUID id) {
        return RestResponse.accepted(TaskView.summary(control.resume(id)));
    }

    private static TaskState parseState(String state) {
        try {
            return TaskState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state",
                    "must be one of pending, running, succeeded, failed, cancelled");
        }
    }
}
