package io.drsuite.snapshot.model;

import java.util.Locale;

/**
 * Where a WAL archive is: {@code starting} until its stream task runs, {@code streaming} while it does,
 * {@code stopping} once switched off until the task has ended, then {@code stopped}; {@code failed} when the task
 * failed. Stored, shown and announced by its {@link #wireName()}.
 */
public enum WalArchiveState {
    STARTING, STREAMING, STOPPING, STOPPED, FAILED;

    /** Its stream task has not ended: the cluster has no room for another archive. */
    public boolean isActive() {
        return this == STARTING || this == STREAMING || this == STOPPING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WalArchiveState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
