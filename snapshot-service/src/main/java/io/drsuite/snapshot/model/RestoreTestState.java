package io.drsuite.snapshot.model;

import java.util.Locale;

/**
 * Where a restore test is: {@code running} while its task runs, then {@code passed} (the task succeeded and every
 * check passed) or {@code failed} (refused, the task failed, or a check failed). Stored and shown by its
 * {@link #wireName()}.
 */
public enum RestoreTestState {
    RUNNING, PASSED, FAILED;

    public boolean isDone() {
        return this != RUNNING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RestoreTestState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
