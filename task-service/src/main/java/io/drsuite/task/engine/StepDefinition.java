package io.drsuite.task.engine;

import io.drsuite.task.model.FailurePolicy;
import java.util.Objects;

/**
 * One step of a task type.
 *
 * @param name what the step does, e.g. {@code full-build-main-standby}
 * @param percentDone the task's progress once this step is done (milestones: 10, 30, 50, ...)
 * @param onFailure roll back or stay resumable when it fails
 * @param safeToCancelBefore whether a cancel request may stop the task just before this step
 * @param endsOnCancel whether the step itself watches for a cancel request ({@link StepContext#cancelRequested()})
 *        and ends cleanly when it sees one: a step that runs until it is told to stop. The task then ends cancelled.
 */
public record StepDefinition(String name, int percentDone, FailurePolicy onFailure, boolean safeToCancelBefore,
        boolean endsOnCancel, StepAction action) {

    public StepDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(onFailure, "onFailure");
        Objects.requireNonNull(action, "action");
    }

    public static StepDefinition step(String name, int percentDone, FailurePolicy onFailure, StepAction action) {
        return new StepDefinition(name, percentDone, onFailure, false, false, action);
    }

    /** This step with a cancel point before it. */
    public StepDefinition cancellableBefore() {
        return new StepDefinition(name, percentDone, onFailure, true, endsOnCancel, action);
    }

    /** This step, which runs until the task is cancelled and then ends cleanly on its own. */
    public StepDefinition runsUntilCancelled() {
        return new StepDefinition(name, percentDone, onFailure, safeToCancelBefore, true, action);
    }
}
