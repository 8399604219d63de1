package io.drsuite.events.task;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A task started a step or finished one.
 *
 * @param step name of the step, e.g. {@code full-build-main-standby}
 * @param stepState {@code running} when it starts, {@code succeeded} when it is done
 * @param percent progress of the whole task, 0..100
 */
@RegisterForReflection
public record TaskProgressed(
        UUID taskId,
        String type,
        String target,
        String step,
        String stepState,
        int percent,
        Instant at) {

    public TaskProgressed {
        present(taskId, "taskId");
        text(type, "type");
        text(target, "target");
        text(step, "step");
        text(stepState, "stepState");
        present(at, "at");
    }
}
