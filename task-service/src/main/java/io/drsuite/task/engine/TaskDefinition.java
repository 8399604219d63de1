package io.drsuite.task.engine;

import java.util.List;

/**
 * A kind of task: its name (the {@code type} a requester asks for), its ordered steps, how to undo them when a
 * step declared {@code ROLLBACK} fails, and what to release whatever the ending. CDI beans implementing this are
 * found by {@link TaskDefinitions}.
 */
public interface TaskDefinition {

    String type();

    List<StepDefinition> steps();

    /**
     * Undoes what the finished steps did, so the clusters are as before the task. Called only when a step with
     * {@code ROLLBACK} fails; {@code failedStep} is that step's name.
     */
    default void rollback(StepContext context, String failedStep) throws Exception {
    }

    /**
     * Releases what the task holds outside its own rows (a temporary replication slot, ...). Called at every ending:
     * success, failure (after any rollback), timeout and cancel, also when that ending comes in a later run after a
     * crash. It must be safe to run again and must not need time before the deadline; a failure is only logged.
     */
    default void release(StepContext context) throws Exception {
    }
}
