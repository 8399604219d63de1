package io.drsuite.task.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.task.engine.TaskControl;
import io.drsuite.task.model.Task;
import io.drsuite.task.model.TaskLogEntry;
import io.drsuite.task.model.TaskState;
import io.drsuite.task.model.TaskStep;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Tasks: what runs, where it is, what each step did. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Long operations on clusters, run as resumable steps")
public class TaskResource {

    private final TaskControl control;

    TaskResource(TaskControl control) {
        this.control = control;
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List tasks, newest first", description = "Filter by target (e.g. a relationship id) "
            + "and state (pending, running, succeeded, failed, cancelled). Paged: limit (1-500, 100 by default); "
            + "the next page's address is in the Link header (rel=next).")
    public RestResponse<List<TaskView>> list(@QueryParam("target") String target, @QueryParam("state") String state,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor, UriInfo uri) {
        return Task.newestFirst(target, state == null ? null : parseState(state), PageRequest.of(limit, cursor))
                .map(TaskView::summary).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Get a task with its steps, their artifacts and the step log")
    public TaskView get(@PathParam("id") UUID id) {
        Task task = Task.findById(id);
        if (task == null) {
            throw ProblemException.notFound("task", "no task " + id);
        }
        return TaskView.of(task, TaskStep.list("taskId = ?1 order by position", id), TaskLogEntry.of(id));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a task", description = "A pending task is cancelled at once; a running one stops "
            + "before its next step that is safe to stop at. 409 when no such step is left.")
    public RestResponse<TaskView> cancel(@PathParam("id") UUID id) {
        return RestResponse.accepted(TaskView.summary(control.cancel(id)));
    }

    @RolesAllowed({OPERATOR, ADMIN})
    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a failed task at the step that failed", description = "Only for a task that "
            + "failed without rolling back; every step is idempotent, so the failed one simply runs again.")
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
