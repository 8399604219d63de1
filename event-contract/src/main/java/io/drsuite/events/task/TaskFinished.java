package io.drsuite.events.task;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A task ended.
 *
 * @param state how it ended
 * @param failedStep the step that failed, if it failed
 * @param error why it failed, if it failed
 * @param rolledBack true when a failed step rolled its work back, so the target is as before the task
 * @param artifacts what the task's steps recorded (LSNs, timelines, estimated data loss), never a secret
 */
@RegisterForReflection
public record TaskFinished(
        UUID taskId,
        String type,
        String target,
        TaskResult state,
        String failedStep,
        String error,
        boolean rolledBack,
        Map<String, String> artifacts,
        Instant at) {

    public TaskFinished {
        present(taskId, "taskId");
        text(type, "type");
        text(target, "target");
        present(state, "state");
        artifacts = artifacts == null ? Map.of() : Map.copyOf(artifacts);
        present(at, "at");
    }

    public boolean succeeded() {
        return state == TaskResult.SUCCEEDED;
    }

    public boolean cancelled() {
        return state == TaskResult.CANCELLED;
    }
}
