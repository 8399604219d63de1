package io.drsuite.task.engine;

/** The work of one step. It must be idempotent: after a crash it runs again from its beginning. */
@FunctionalInterface
public interface StepAction {

    void execute(StepContext context) throws Exception;
}
