package io.drsuite.task.engine;

import io.drsuite.task.model.Task;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The parts of a claimed task its steps read; immutable while it runs. */
record TaskSnapshot(UUID id, String type, String target, Map<String, String> parameters, Instant deadline) {

    static TaskSnapshot of(Task task) {
        return new TaskSnapshot(task.id, task.type, task.target, Map.copyOf(task.parameters), task.deadline);
    }
}
