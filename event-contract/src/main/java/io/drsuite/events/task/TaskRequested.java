package io.drsuite.events.task;

import static io.drsuite.events.Require.nonEmpty;
import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A request to run a task. The requester chooses the task id, so it can answer its caller at once and a redelivered
 * request creates the task only once.
 *
 * @param taskId id of the task to create
 * @param type what to run, e.g. {@code dr.start}
 * @param target the aggregate the task acts for, e.g. a relationship id
 * @param clusters what the task holds exclusively: names of the clusters it writes to, or lock names such as
 *        {@code backup:<cluster>} for work that only reads a cluster; task-service runs one task per name at a time
 * @param parameters the task's inputs, never a secret
 * @param timeoutSeconds how long the whole task may run
 */
@RegisterForReflection
public record TaskRequested(
        UUID taskId,
        String type,
        String target,
        List<String> clusters,
        Map<String, String> parameters,
        int timeoutSeconds,
        Instant requestedAt) {

    public TaskRequested {
        present(taskId, "taskId");
        text(type, "type");
        text(target, "target");
        clusters = nonEmpty(clusters, "clusters");
        parameters = Map.copyOf(present(parameters, "parameters"));
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeoutSeconds must be positive");
        }
        present(requestedAt, "requestedAt");
    }
}
