package io.drsuite.events.task;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The WAL archive's task types task-service runs for snapshot-service, with their parameter and artifact names, and
 * where archived WAL is kept. Both sides compile against these.
 * <p>
 * Each archived file is stored gzip-compressed under {@code <keyPrefix>/<file name>.gz}: segments under their
 * PostgreSQL name ({@code 000000010000000000000003}), timeline history files ({@code 00000002.history}) and the last,
 * incomplete segment of a timeline that ended ({@code 000000010000000000000007.partial}).
 */
public final class WalTasks {

    /**
     * Streams a cluster's WAL with {@code pg_receivewal} from its main node into a storage location, until it is
     * cancelled ({@link TaskEvents#CANCEL_REQUESTED}). One task per archive; it follows the main node across
     * switchovers and failovers.
     */
    public static final String STREAM = "wal.stream";
    /**
     * Restores a physical snapshot onto a node, stages the archived WAL it needs on the node's host and recovers to
     * a target: a time, an LSN, a named restore point or the end of the archive.
     */
    public static final String POINT_IN_TIME_RESTORE = "snapshot.restore-pitr";

    /** Parameter: the archive's id. */
    public static final String ARCHIVE_ID = "archiveId";
    /** Parameter: the cluster whose WAL is archived (stream) or restored (restore). */
    public static final String CLUSTER = "cluster";
    /** Parameter, stream: the storage location's name. */
    public static final String STORAGE = "storage";
    /** Parameter, stream: the key prefix the archive's files are stored under. */
    public static final String KEY_PREFIX = "keyPrefix";
    /** Parameter, stream: the physical replication slot that holds the WAL not archived yet. */
    public static final String SLOT = "slot";
    /**
     * Parameter, stream: {@code true} for {@code pg_receivewal --synchronous} (flushes and reports every write, so
     * the archive can be a synchronous standby by its application name).
     */
    public static final String SYNCHRONOUS = "synchronous";
    /** Parameter, stream: the application name pg_receivewal connects with ({@code synchronous_standby_names}). */
    public static final String APPLICATION_NAME = "applicationName";

    /** Parameter, restore: the storage location of the archived WAL (the base backup's is {@code storage}). */
    public static final String WAL_STORAGE = "walStorage";
    /** Parameter, restore: the key prefix of the archived WAL. */
    public static final String WAL_KEY_PREFIX = "walKeyPrefix";
    /**
     * Parameter, restore: the WAL segments to stage, as runs of consecutive segments of one timeline, one run per
     * line: {@code <first segment file name> <last segment file name>}.
     */
    public static final String WAL_SEGMENT_RUNS = "walSegmentRuns";
    /** Parameter, restore: the timeline history files to stage, one file name per line. */
    public static final String WAL_HISTORY_FILES = "walHistoryFiles";
    /** Parameter, restore: a {@link RecoveryTargetKind}'s wire name. */
    public static final String RECOVERY_TARGET_KIND = "recoveryTargetKind";
    /**
     * Parameter, restore: the target's value: an ISO-8601 instant, an LSN ({@code 0/3000060}) or a restore point's
     * name; absent for {@code latest}.
     */
    public static final String RECOVERY_TARGET = "recoveryTarget";
    /** Parameter, restore: {@code true} to pause at the target instead of promoting. */
    public static final String PAUSE_AT_TARGET = "pauseAtTarget";
    /**
     * Parameter, restore onto a new node: the node to create, as a {@link io.drsuite.events.cluster.ClusterNode} in
     * JSON (its name, host, port, data directory, which must not exist yet, and host access). With it, the restore
     * has no {@code targetCluster}; {@link #CLUSTER} names the source cluster, whose admin login opens the restored
     * server.
     */
    public static final String NEW_NODE = "newNode";

    /** Artifact, restore: the WAL position recovery stopped at. */
    public static final String REACHED_LSN = "reachedLsn";
    /** Artifact, restore: the timeline the restored node runs on. */
    public static final String REACHED_TIMELINE = "reachedTimeline";
    /** Artifact, restore: PostgreSQL's words for where recovery stopped (e.g. {@code before transaction 812}). */
    public static final String RECOVERY_STOP = "recoveryStop";
    /** Artifact, restore: bytes of WAL staged for replay. */
    public static final String WAL_BYTES_STAGED = "walBytesStaged";

    /** The lock of a restore onto a new node: no other task may create a server in the same place meanwhile. */
    public static String newNodeLock(String host, String dataDirectory) {
        return "new-node:" + host + ":" + dataDirectory;
    }

    /** How a point-in-time restore names its target. */
    public enum RecoveryTargetKind {
        TIME, LSN, RESTORE_POINT, LATEST;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static RecoveryTargetKind fromWire(String wire) {
            return Arrays.stream(values()).filter(kind -> kind.wireName().equals(wire)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown recovery target kind " + wire));
        }
    }

    private WalTasks() {
    }

    /** The lock a cluster's streaming holds: one streaming task per cluster, without blocking other tasks on it. */
    public static String streamLock(String cluster) {
        return "wal-stream:" + cluster;
    }

    /** The physical slot of an archive on the node it streams from. */
    public static String slotFor(UUID archiveId) {
        return "drsuite_wal_" + archiveId.toString().replace("-", "");
    }

    /** Where one archived file is stored. */
    public static String objectKey(String keyPrefix, String fileName) {
        return keyPrefix + "/" + fileName + ".gz";
    }

    public static String joinLines(List<String> lines) {
        return String.join("\n", lines);
    }

    public static List<String> splitLines(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
