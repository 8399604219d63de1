package io.drsuite.events.task;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * The requester of a task asks task-service to cancel it, as a user may through task-service's API: it stops at its
 * next safe point. A task that runs until it is told to stop (a WAL archive's streaming) ends this way.
 *
 * @param taskId the task
 * @param target the aggregate the task acts for, as in its request; task-service checks it matches
 */
@RegisterForReflection
public record TaskCancelRequested(UUID taskId, String target, String requestedBy, Instant requestedAt) {

    public TaskCancelRequested {
        present(taskId, "taskId");
        text(target, "target");
        text(requestedBy, "requestedBy");
        present(requestedAt, "requestedAt");
    }
}
