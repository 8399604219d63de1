package io.drsuite.events.task;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * The requester of a task asks task-service to resume it at the step that failed. A task that belongs to a DR
 * relationship is resumed only this way, through the relationship, so the relationship follows the resumed run.
 *
 * @param taskId the failed task
 * @param target the aggregate the task acts for, as in its request; task-service checks it matches
 */
@RegisterForReflection
public record TaskResumeRequested(UUID taskId, String target, String requestedBy, Instant requestedAt) {

    public TaskResumeRequested {
        present(taskId, "taskId");
        text(target, "target");
        text(requestedBy, "requestedBy");
        present(requestedAt, "requestedAt");
    }
}
