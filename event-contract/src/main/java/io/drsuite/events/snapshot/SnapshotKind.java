package io.drsuite.events.snapshot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Physical: the whole cluster (pg_basebackup). Logical: one database or some of its tables (pg_dump). On the wire
 * (JSON, task parameters, object keys) by its lower-case name.
 */
public enum SnapshotKind {
    @JsonProperty("physical")
    PHYSICAL,
    @JsonProperty("logical")
    LOGICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SnapshotKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
