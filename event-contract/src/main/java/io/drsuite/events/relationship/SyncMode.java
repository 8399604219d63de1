package io.drsuite.events.relationship;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Whether commits on the primary wait for the DR main standby. On the wire (JSON, the {@code syncMode} task
 * parameter) by its lower-case name.
 */
public enum SyncMode {
    @JsonProperty("async")
    ASYNC,
    @JsonProperty("sync")
    SYNC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a task parameter names; a relationship without one replicates asynchronously. */
    public static SyncMode fromWire(String value) {
        return value == null ? ASYNC : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
