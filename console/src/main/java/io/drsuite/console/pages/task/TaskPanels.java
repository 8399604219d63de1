package io.drsuite.console.pages.task;

import io.drsuite.console.signin.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * A task's live panel (state, progress, steps, log, Cancel and Resume), for the task page and for any page that
 * starts or follows a task: it re-reads itself whenever the live stream names the task.
 */
@RequestScoped
public class TaskPanels {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(UUID id, TaskDetail task, TaskControls controls);
    }

    private final TaskReads reads;
    private final ConsoleUser user;

    TaskPanels(TaskReads reads, ConsoleUser user) {
        this.reads = reads;
        this.user = user;
    }

    /** The panel of the task; a task task-service does not know yet (just requested) shows as requested. */
    public TemplateInstance panel(UUID id) {
        return reads.task(id).map(task -> Templates.panel(id, task, TaskControls.of(task, user::refusalFor)))
                .orElseGet(() -> Templates.panel(id, null, null));
    }
}
