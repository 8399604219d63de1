package io.drsuite.events.snapshot;

import io.drsuite.events.EventType;

/**
 * Events of snapshots and restores, published by snapshot-service on {@code drsuite.snapshots}, keyed by snapshot
 * id (a restore's events too, so everything that happens to one snapshot stays ordered).
 */
public final class SnapshotEvents {

    public static final EventType<SnapshotChanged> STARTED =
            EventType.of("snapshots", "snapshot", "started", 1, SnapshotChanged.class);
    public static final EventType<SnapshotChanged> COMPLETED =
            EventType.of("snapshots", "snapshot", "completed", 1, SnapshotChanged.class);
    public static final EventType<SnapshotChanged> FAILED =
            EventType.of("snapshots", "snapshot", "failed", 1, SnapshotChanged.class);
    /** A verification found the stored data different from what was written. */
    public static final EventType<SnapshotChanged> CORRUPT =
            EventType.of("snapshots", "snapshot", "corrupt", 1, SnapshotChanged.class);
    /** Removed with its stored data, by a user or by retention. */
    public static final EventType<SnapshotChanged> DELETED =
            EventType.of("snapshots", "snapshot", "deleted", 1, SnapshotChanged.class);
    public static final EventType<RestoreChanged> RESTORE_COMPLETED =
            EventType.of("snapshots", "restore", "completed", 1, RestoreChanged.class);
    public static final EventType<RestoreChanged> RESTORE_FAILED =
            EventType.of("snapshots", "restore", "failed", 1, RestoreChanged.class);

    public static final String TOPIC = STARTED.topic();

    private SnapshotEvents() {
    }
}
