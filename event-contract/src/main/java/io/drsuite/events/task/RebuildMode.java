package io.drsuite.events.task;

import java.util.Locale;

/**
 * How a node rebuild may proceed: {@code auto} tries {@code pg_rewind} and falls back to a full build,
 * {@code incremental} only rewinds (and fails when that is impossible), {@code full} always copies everything.
 */
public enum RebuildMode {
    AUTO, INCREMENTAL, FULL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RebuildMode fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
