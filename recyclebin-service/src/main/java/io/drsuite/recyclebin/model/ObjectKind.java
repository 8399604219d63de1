package io.drsuite.recyclebin.model;

import java.util.Locale;

/** What a recycle-bin entry holds. */
public enum ObjectKind {
    TABLE, SCHEMA, DATABASE;

    public static ObjectKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
