package io.drsuite.task.model;

/** Where a task is in its life. {@code succeeded}, {@code failed} and {@code cancelled} are terminal. */
public enum TaskState {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isDone() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
