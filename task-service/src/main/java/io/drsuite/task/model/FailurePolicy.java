package io.drsuite.task.model;

/**
 * What a failed step means for its task, declared per step as gs_sdr does: a half-done demotion is rolled back so
 * the clusters are as before; a failover that promoted the DR side must go forward, so it stays resumable.
 */
public enum FailurePolicy {
    /** Undo the task's work so far and end it failed with {@code rolledBack}. */
    ROLLBACK,
    /** End it failed; {@code POST /api/v1/tasks/{id}/resume} runs it again from this step. */
    RESUME;

    public String wireName() {
        return name().toLowerCase();
    }
}
