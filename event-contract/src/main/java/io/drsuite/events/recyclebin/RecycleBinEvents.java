package io.drsuite.events.recyclebin;

import io.drsuite.events.EventType;

/** Recycle-bin events, published by recyclebin-service on {@code drsuite.recyclebin}, keyed by entry id. */
public final class RecycleBinEvents {

    /** An object went into the bin (through the API, or found there after a SQL-function drop or replication). */
    public static final EventType<BinEntryChanged> RECYCLED =
            EventType.of("recyclebin", "recyclebin", "object-recycled", 1, BinEntryChanged.class);
    public static final EventType<BinEntryChanged> RESTORED =
            EventType.of("recyclebin", "recyclebin", "object-restored", 1, BinEntryChanged.class);
    /** Destroyed for good: by a user, by purge-all or when its retention expired. */
    public static final EventType<BinEntryChanged> PURGED =
            EventType.of("recyclebin", "recyclebin", "object-purged", 1, BinEntryChanged.class);

    public static final String TOPIC = RECYCLED.topic();

    private RecycleBinEvents() {
    }
}
