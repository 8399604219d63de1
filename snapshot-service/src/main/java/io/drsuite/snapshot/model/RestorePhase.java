package io.drsuite.snapshot.model;

import java.util.Locale;

/**
 * Where a restore is: {@code running}, then {@code completed} or {@code failed}. Stored, shown and announced
 * by its {@link #wireName()}.
 */
public enum RestorePhase {
    RUNNING, COMPLETED, FAILED;

    public boolean isDone() {
        return this != RUNNING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RestorePhase fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
