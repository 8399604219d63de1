package io.drsuite.console.pages.task;

import io.drsuite.console.pages.TypedConfirmation;
import io.drsuite.console.signin.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tasks the suite ran and runs: a list filtered by state and type, and each task's steps, artifacts and log,
 * with Cancel and Resume where task-service allows them. Both follow the live stream.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TasksPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tasks(TaskFilter filter, List<TaskSummary> tasks, Map<String, String> names);

        static native TemplateInstance list(TaskFilter filter, List<TaskSummary> tasks, Map<String, String> names);

        static native TemplateInstance task(UUID id, TaskDetail task, TaskControls controls, Map<String, String> names);
    }

    private final TaskReads reads;
    private final TaskPanels panels;
    private final TaskCommands commands;
    private final ConsoleUser user;

    TasksPage(TaskReads reads, TaskPanels panels, TaskCommands commands, ConsoleUser user) {
        this.user = user;
        this.reads = reads;
        this.panels = panels;
        this.commands = commands;
    }

    @GET
    @Path("/tasks")
    public TemplateInstance tasks(@QueryParam("state") String state, @QueryParam("type") String type) {
        TaskFilter filter = TaskFilter.of(state, type);
        return Templates.tasks(filter, reads.newest(filter), reads.relationshipNames());
    }

    @GET
    @Path("/fragments/tasks")
    public TemplateInstance list(@QueryParam("state") String state, @QueryParam("type") String type) {
        TaskFilter filter = TaskFilter.of(state, type);
        return Templates.list(filter, reads.newest(filter), reads.relationshipNames());
    }

    @GET
    @Path("/tasks/{id}")
    public TemplateInstance task(@PathParam("id") UUID id) {
        TaskDetail task = reads.task(id).orElseThrow(NotFoundException::new);
        return Templates.task(id, task, TaskControls.of(task, user::refusalFor), reads.relationshipNames());
    }

    /** The live panel of one task, for this page and any page that embeds it. */
    @GET
    @Path("/tasks/{id}/panel")
    public TemplateInstance panel(@PathParam("id") UUID id) {
        return panels.panel(id);
    }

    @POST
    @Path("/tasks/{id}/cancel")
    public TemplateInstance cancel(@PathParam("id") UUID id, @FormParam("confirm") String confirm) {
        TypedConfirmation.matches(confirm, TaskSummary.shortId(id), "task's short id");
        commands.cancel(id);
        return panels.panel(id);
    }

    @POST
    @Path("/tasks/{id}/resume")
    public TemplateInstance resume(@PathParam("id") UUID id, @FormParam("confirm") String confirm) {
        TypedConfirmation.matches(confirm, TaskSummary.shortId(id), "task's short id");
        commands.resume(reads.task(id).orElseThrow(NotFoundException::new));
        return panels.panel(id);
    }
}
