package io.drsuite.console.pages.task;

import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import java.util.UUID;

/**
 * Cancel and Resume as the signed-in user. A failed task resumes through whoever follows it: relationship-service
 * for a DR relationship's task or an operation inside a cluster (so their state follows it), task-service otherwise.
 */
@RequestScoped
public class TaskCommands {

    private final SuiteApi api;

    TaskCommands(SuiteApi api) {
        this.api = api;
    }

    public void cancel(UUID id) {
        api.post(Service.TASK, Map.of(), "/api/v1/tasks/{id}/cancel", id);
    }

    public void resume(TaskDetail task) {
        TaskSummary summary = task.summary();
        if (summary.relationshipId() != null) {
            api.post(Service.RELATIONSHIP, Map.of(), "/api/v1/relationships/{id}/resume", summary.relationshipId());
        } else if (summary.cluster() != null) {
            api.post(Service.RELATIONSHIP, Map.of(), "/api/v1/clusters/{name}/resume", summary.cluster());
        } else {
            api.post(Service.TASK, Map.of(), "/api/v1/tasks/{id}/resume", summary.id());
        }
    }
}
