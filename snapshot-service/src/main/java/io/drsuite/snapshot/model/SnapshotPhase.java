package io.drsuite.snapshot.model;

import java.util.Locale;

/**
 * Where a snapshot is: {@code running} while its backup task runs, then {@code completed} or {@code failed}; a
 * verification that finds the stored bytes changed makes a completed one {@code corrupt}. Stored, shown and
 * announced by its {@link #wireName()}.
 */
public enum SnapshotPhase {
    RUNNING, COMPLETED, FAILED, CORRUPT;

    /** The backup task has ended. */
    public boolean isDone() {
        return this != RUNNING;
    }

    /** Its data is in storage (intact or not), so it can be verified. */
    public boolean isStored() {
        return this == COMPLETED || this == CORRUPT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SnapshotPhase fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
