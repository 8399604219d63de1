package io.drsuite.task.model;

import io.drsuite.events.task.TaskResult;

/** Where a task is in its life. {@code succeeded}, {@code failed} and {@code cancelled} are terminal. */
public enum TaskState {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isDone() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** How a task in this state ended, as its finished event says it; only for a done state. */
    public TaskResult result() {
        return switch (this) {
            case SUCCEEDED -> TaskResult.SUCCEEDED;
            case FAILED -> TaskResult.FAILED;
            case CANCELLED -> TaskResult.CANCELLED;
            case PENDING, RUNNING -> throw new IllegalStateException("a " + wireName() + " task has not ended");
        };
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
