package io.drsuite.snapshot.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.drill.RestoreTestRequested;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.events.task.WalTasks;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.snapshot.config.SnapshotConfig;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.drsuite.snapshot.wal.WalToReplay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests snapshot tasks from task-service through the outbox, in the transaction that records them. Backups hold
 * the lock {@code backup:<cluster>} (one backup of a cluster at a time, DR tasks on it not blocked); restores hold
 * the target cluster itself, so no DR task runs on it meanwhile; a restore onto a new node holds its place
 * ({@link WalTasks#newNodeLock}).
 */
@ApplicationScoped
public class SnapshotTaskRequests {

    private final EventOutbox outbox;
    private final SnapshotConfig config;
    private final ObjectMapper json;

    SnapshotTaskRequests(EventOutbox outbox, SnapshotConfig config, ObjectMapper json) {
        this.outbox = outbox;
        this.config = config;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void backup(Snapshot snapshot) {
        Map<String, String> parameters = objectParameters(snapshot);
        parameters.put(SnapshotTasks.CLUSTER, snapshot.cluster);
        if (snapshot.database != null) {
            parameters.put(SnapshotTasks.DATABASE, snapshot.database);
        }
        if (snapshot.tables.length > 0) {
            parameters.put(SnapshotTasks.TABLES, SnapshotTasks.joinTables(snapshot.tableList()));
        }
        String type = snapshot.kind == SnapshotKind.PHYSICAL ? SnapshotTasks.PHYSICAL_BACKUP
                : SnapshotTasks.LOGICAL_BACKUP;
        send(new TaskRequested(snapshot.taskId, type, snapshot.id.toString(),
                List.of(SnapshotTasks.backupLock(snapshot.cluster)), parameters, timeout(), Instant.now()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void verify(Snapshot snapshot) {
        Map<String, String> parameters = objectParameters(snapshot);
        parameters.put(SnapshotTasks.EXPECTED_SHA256, snapshot.sha256);
        send(new TaskRequested(snapshot.verifyTaskId, SnapshotTasks.VERIFY, snapshot.id.toString(),
                List.of("verify:" + snapshot.id), parameters, timeout(), Instant.now()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void restore(Snapshot snapshot, SnapshotRestore restore) {
        String type = snapshot.kind == SnapshotKind.PHYSICAL ? SnapshotTasks.PHYSICAL_RESTORE
                : SnapshotTasks.LOGICAL_RESTORE;
        send(new TaskRequested(restore.taskId, type, restore.id.toString(), List.of(restore.targetCluster),
                restoreParameters(snapshot, restore), timeout(), Instant.now()));
    }

    /**
     * A point-in-time restore: the base snapshot's parameters as a physical restore sends them, and the archived WAL
     * to stage and the target to recover to.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pointInTimeRestore(Snapshot base, SnapshotRestore restore, WalToReplay wal, ClusterNode newNode) {
        Map<String, String> parameters = recoveryParameters(base, restore, newNode);
        addWal(parameters, restore, wal);
        List<String> locks = List.of(newNode == null ? restore.targetCluster
                : WalTasks.newNodeLock(newNode.host(), newNode.dataDirectory()));
        send(new TaskRequested(restore.taskId, WalTasks.POINT_IN_TIME_RESTORE, restore.id.toString(), locks,
                parameters, timeout(), Instant.now()));
    }

    /**
     * A restore test: what a point-in-time restore to the latest point onto a new node (the sandbox) gets, without
     * archived WAL when {@code wal} is null (the snapshot alone), and the drill's own parameters. A logical snapshot
     * also names the database (and tables) it holds, which the task creates on a fresh instance and restores into. The task holds the
     * drill's lock and has the drill's time limit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restoreTest(RestoreTestRequested request, Snapshot snapshot, WalToReplay wal,
            Long restoreObjectiveSeconds) {
        SnapshotRestore restore = SnapshotRestore.ofRestoreTest(request, snapshot);
        Map<String, String> parameters = recoveryParameters(snapshot, restore, request.sandboxNode());
        if (wal != null) {
            addWal(parameters, restore, wal);
        }
        if (snapshot.kind == SnapshotKind.LOGICAL) {
            parameters.put(SnapshotTasks.DATABASE, snapshot.database);
            if (snapshot.tables.length > 0) {
                parameters.put(SnapshotTasks.TABLES, SnapshotTasks.joinTables(snapshot.tableList()));
            }
        }
        parameters.put(DrillTasks.DRILL_ID, request.drillId().toString());
        parameters.put(DrillTasks.CLUSTER, snapshot.cluster);
        parameters.put(DrillTasks.SNAPSHOT_ID, snapshot.id.toString());
        parameters.put(DrillTasks.SANDBOX_NODE, asJson(request.sandboxNode()));
        parameters.put(DrillTasks.USER_CHECKS, request.userChecks());
        if (restoreObjectiveSeconds != null) {
            parameters.put(DrillTasks.RESTORE_OBJECTIVE_SECONDS, restoreObjectiveSeconds.toString());
        }
        send(new TaskRequested(request.taskId(), DrillTasks.RESTORE_TEST, request.drillId().toString(),
                List.of(request.lockName()), parameters, request.timeoutSeconds() > 0 ? request.timeoutSeconds()
                        : timeout(), Instant.now()));
    }

    /** A physical restore's parameters and the source cluster, with the new node to create when there is one. */
    private Map<String, String> recoveryParameters(Snapshot base, SnapshotRestore restore, ClusterNode newNode) {
        Map<String, String> parameters = restoreParameters(base, restore);
        parameters.put(WalTasks.CLUSTER, restore.sourceCluster);
        if (newNode != null) {
            parameters.put(WalTasks.NEW_NODE, asJson(newNode));
        }
        return parameters;
    }

    private static void addWal(Map<String, String> parameters, SnapshotRestore restore, WalToReplay wal) {
        parameters.put(WalTasks.WAL_STORAGE, wal.archive().storage);
        parameters.put(WalTasks.WAL_KEY_PREFIX, wal.archive().keyPrefix);
        parameters.put(WalTasks.WAL_SEGMENT_RUNS, WalTasks.joinLines(wal.segmentRuns()));
        parameters.put(WalTasks.WAL_HISTORY_FILES, WalTasks.joinLines(wal.historyFiles()));
        parameters.put(WalTasks.RECOVERY_TARGET_KIND, restore.targetKind);
        if (restore.targetValue != null) {
            parameters.put(WalTasks.RECOVERY_TARGET, restore.targetValue);
        }
        parameters.put(WalTasks.PAUSE_AT_TARGET, String.valueOf(Boolean.TRUE.equals(restore.pauseAtTarget)));
    }

    private String asJson(ClusterNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write node " + node.name() + " as JSON", e);
        }
    }

    private static Map<String, String> restoreParameters(Snapshot snapshot, SnapshotRestore restore) {
        Map<String, String> parameters = objectParameters(snapshot);
        parameters.put(SnapshotTasks.EXPECTED_SHA256, snapshot.sha256);
        parameters.put(SnapshotTasks.RESTORE_ID, restore.id.toString());
        if (restore.targetCluster != null) {
            parameters.put(SnapshotTasks.TARGET_CLUSTER, restore.targetCluster);
        }
        parameters.put(SnapshotTasks.REPLACE, String.valueOf(restore.replaceData));
        parameters.put(SnapshotTasks.KEEP_OWNERSHIP, String.valueOf(snapshot.cluster.equals(restore.targetCluster)));
        if (restore.targetDatabase != null) {
            parameters.put(SnapshotTasks.TARGET_DATABASE, restore.targetDatabase);
        }
        if (restore.targetNode != null) {
            parameters.put(SnapshotTasks.TARGET_NODE, restore.targetNode);
        }
        if (restore.tables.length > 0) {
            parameters.put(SnapshotTasks.TABLES, SnapshotTasks.joinTables(restore.tableList()));
        }
        return parameters;
    }

    private static Map<String, String> objectParameters(Snapshot snapshot) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(SnapshotTasks.SNAPSHOT_ID, snapshot.id.toString());
        parameters.put(SnapshotTasks.KIND, snapshot.kind.wireName());
        parameters.put(SnapshotTasks.STORAGE, snapshot.storage);
        parameters.put(SnapshotTasks.OBJECT_KEY, snapshot.objectKey);
        parameters.put(SnapshotTasks.MAJOR_VERSION, String.valueOf(snapshot.majorVersion));
        return parameters;
    }

    private void send(TaskRequested request) {
        outbox.record(TaskEvents.REQUESTED, request.taskId().toString(), request);
    }

    private int timeout() {
        return (int) config.taskTimeout().toSeconds();
    }
}
