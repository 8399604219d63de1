package io.drsuite.snapshot.model;

import java.util.Locale;

/**
 * What a restore test restores to: {@code latest}, the end of the cluster's archived WAL (its archive is on and
 * continuous from the snapshot), or {@code snapshot}, the snapshot's own consistent point.
 */
public enum RestoreTestTarget {
    LATEST, SNAPSHOT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RestoreTestTarget fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
