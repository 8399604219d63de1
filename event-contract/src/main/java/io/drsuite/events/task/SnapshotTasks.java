package io.drsuite.events.task;

import io.drsuite.events.snapshot.SnapshotKind;
import java.util.Arrays;
import java.util.List;

/**
 * The snapshot task types task-service runs for snapshot-service, with their parameter and artifact names. Both
 * sides compile against these.
 */
public final class SnapshotTasks {

    /** A whole cluster with {@code pg_basebackup}: one compressed tar with the backup manifest and the WAL. */
    public static final String PHYSICAL_BACKUP = "snapshot.physical";
    /** One database, or some of its tables, with {@code pg_dump} in custom format. */
    public static final String LOGICAL_BACKUP = "snapshot.logical";
    /** Re-reads a stored snapshot: SHA-256, then {@code pg_verifybackup} or {@code pg_restore --list}. */
    public static final String VERIFY = "snapshot.verify";
    /** {@code pg_restore} into a new database or over named tables. */
    public static final String LOGICAL_RESTORE = "snapshot.restore-logical";
    /** Replaces a node's data directory with a physical snapshot and starts it. */
    public static final String PHYSICAL_RESTORE = "snapshot.restore-physical";

    /** Parameter: snapshot id. */
    public static final String SNAPSHOT_ID = "snapshotId";
    /** Parameter: the cluster backed up. */
    public static final String CLUSTER = "cluster";
    /** Parameter: the database of a logical snapshot. */
    public static final String DATABASE = "database";
    /** Parameter: qualified table names, one per line; absent for a whole database. */
    public static final String TABLES = "tables";
    /** Parameter: the storage location's name. */
    public static final String STORAGE = "storage";
    /** Parameter: the object's key within the storage location. */
    public static final String OBJECT_KEY = "objectKey";
    /** Parameter, verify and restore: the SHA-256 recorded when the object was written. */
    public static final String EXPECTED_SHA256 = "expectedSha256";
    /** Parameter: the PostgreSQL major version of the snapshot's cluster, which picks the client programs. */
    public static final String MAJOR_VERSION = "majorVersion";
    /** Parameter, verify and restore: a {@link SnapshotKind}, {@code physical} or {@code logical}. */
    public static final String KIND = "kind";
    /** Parameter, restore: restore id. */
    public static final String RESTORE_ID = "restoreId";
    /** Parameter, restore: the cluster to restore into. */
    public static final String TARGET_CLUSTER = "targetCluster";
    /** Parameter, logical restore: the database to restore into. */
    public static final String TARGET_DATABASE = "targetDatabase";
    /** Parameter, physical restore: the node whose data directory is replaced. */
    public static final String TARGET_NODE = "targetNode";
    /** Parameter, logical restore: {@code true} when existing data may be replaced. */
    public static final String REPLACE = "replace";
    /** Parameter, logical restore: {@code true} to restore owners and privileges (same cluster). */
    public static final String KEEP_OWNERSHIP = "keepOwnership";

    /** Artifact: bytes written to storage. */
    public static final String SIZE_BYTES = "sizeBytes";
    /** Artifact: hex SHA-256 of the bytes written. */
    public static final String SHA256 = "sha256";
    /** Artifact, physical backup: WAL position where the backup starts. */
    public static final String START_LSN = "startLsn";
    /**
     * Artifact, physical backup: WAL position where the backup ends; a point-in-time restore from it must recover at
     * least this far before the data is consistent.
     */
    public static final String END_LSN = "endLsn";
    /** Artifact, physical backup: timeline of the start position. */
    public static final String TIMELINE = "timeline";
    /** Artifact: the moment the data was read from the cluster (backup start). */
    public static final String CONSISTENT_AT = "consistentAt";
    /** Artifact, verify: a {@link VerifyVerdict}, {@code ok} or {@code corrupt}. */
    public static final String VERDICT = "verdict";
    /** Artifact, verify: what was found. */
    public static final String VERDICT_DETAIL = "verdictDetail";

    private SnapshotTasks() {
    }

    /** The lock name backups of one cluster share: one at a time, without blocking DR tasks on that cluster. */
    public static String backupLock(String cluster) {
        return "backup:" + cluster;
    }

    public static String joinTables(List<String> tables) {
        return String.join("\n", tables);
    }

    public static List<String> splitTables(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
