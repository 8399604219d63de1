package io.drsuite.events.task;

import java.util.Locale;

/**
 * How a reprotect rebuilt the old primary, recorded as its {@link DrTasks#REBUILD_METHOD} artifact by its lower-case
 * name: {@code rewind} (pg_rewind copied only the changed blocks) or {@code full} (pg_basebackup).
 */
public enum RebuildMethod {
    REWIND, FULL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RebuildMethod fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
