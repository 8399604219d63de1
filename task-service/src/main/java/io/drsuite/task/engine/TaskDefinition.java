package io.drsuite.task.engine;

import java.util.List;

/**
 * A kind of task: its name (the {@code type} a requester asks for), its ordered steps and how to undo them when a
 * step declared {@code ROLLBACK} fails. CDI beans implementing this are found by {@link TaskDefinitions}.
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
}
