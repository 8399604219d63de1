package io.drsuite.events.snapshot;

import io.drsuite.events.EventType;

/**
 * Events of WAL archives on {@code drsuite.wal-archives}, keyed by archive id. task-service announces each file its
 * streaming stored ({@link #SEGMENT_ARCHIVED}); snapshot-service catalogs them and announces the archive's state,
 * continuity and recovery window whenever they change ({@link #ARCHIVE_CHANGED}).
 */
public final class WalEvents {

    public static final EventType<WalSegmentArchived> SEGMENT_ARCHIVED =
            EventType.of("wal-archives", "wal-archive", "segment-archived", 1, WalSegmentArchived.class);
    public static final EventType<WalArchiveChanged> ARCHIVE_CHANGED =
            EventType.of("wal-archives", "wal-archive", "changed", 1, WalArchiveChanged.class);

    public static final String TOPIC = SEGMENT_ARCHIVED.topic();

    private WalEvents() {
    }
}
