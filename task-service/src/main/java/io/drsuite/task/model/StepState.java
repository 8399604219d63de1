package io.drsuite.task.model;

/** Where a step is: it runs once to {@code succeeded}, or ends {@code failed} or {@code rolled_back}. */
public enum StepState {
    PENDING, RUNNING, SUCCEEDED, FAILED, ROLLED_BACK;

    public String wireName() {
        return name().toLowerCase();
    }
}
