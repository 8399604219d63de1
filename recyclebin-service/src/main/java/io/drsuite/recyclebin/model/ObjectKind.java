package io.drsuite.recyclebin.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a recycle-bin entry holds. */
public enum ObjectKind {
    @JsonProperty("table")
    TABLE,
    @JsonProperty("schema")
    SCHEMA,
    @JsonProperty("database")
    DATABASE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ObjectKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
