package io.drsuite.snapshot.model;

import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.drill.RestoreTestRequested;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.events.task.WalTasks;
import io.drsuite.platform.paging.Keyset;
import io.drsuite.platform.paging.KeysetQuery;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A restore of a snapshot into a cluster; its {@link RestorePhase} changes through the methods below. */
@Entity
@Table(name = "snapshot_restore")
public class SnapshotRestore extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "snapshot_id", nullable = false)
    public UUID snapshotId;

    @Convert(converter = SnapshotKindConverter.class)
    @Column(nullable = false)
    public SnapshotKind kind;

    /** The cluster restored into; null for a point-in-time restore onto a new node. */
    @Column(name = "target_cluster")
    public String targetCluster;

    @Column(name = "target_database")
    public String targetDatabase;

    @Column(name = "target_node")
    public String targetNode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] tables = new String[0];

    @Column(name = "replace_data", nullable = false)
    public boolean replaceData;

    @Convert(converter = RestorePhaseConverter.class)
    @Column(nullable = false)
    public RestorePhase phase;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    /** Who asked for it, from the request's token; null when a backup policy's schedule took it. */
    @Column(name = "requested_by")
    public String requestedBy;

    @Column(nullable = false)
    public int percent;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String error;

    /** Point-in-time: the WAL archive it recovers from; null for a plain restore of a snapshot. */
    @Column(name = "wal_archive_id")
    public UUID walArchiveId;

    /** Point-in-time: the cluster whose state is restored (the target may be another cluster). */
    @Column(name = "source_cluster")
    public String sourceCluster;

    /** Point-in-time: a {@code RecoveryTargetKind}'s wire name. */
    @Column(name = "target_kind")
    public String targetKind;

    /** Point-in-time: the time, LSN or restore point name; null for {@code latest}. */
    @Column(name = "target_value")
    public String targetValue;

    @Column(name = "pause_at_target")
    public Boolean pauseAtTarget;

    /** Point-in-time, once completed: where recovery stopped. */
    @Column(name = "reached_lsn")
    public String reachedLsn;

    @Column(name = "reached_timeline")
    public Integer reachedTimeline;

    /** PostgreSQL's words for where recovery stopped. */
    @Column(name = "recovery_stop")
    public String recoveryStop;

    /** Point-in-time onto a new node: the host the node is created on ({@code targetNode} is its name). */
    @Column(name = "new_node_host")
    public String newNodeHost;

    @Column(name = "new_node_port")
    public Integer newNodePort;

    @Column(name = "new_node_data_directory")
    public String newNodeDataDirectory;

    /**
     * How a restore test restores its snapshot: as a point-in-time restore to the end of the archived WAL onto a new
     * node, the sandbox. Never stored: the {@link RestoreTest} is the record; this only describes the task's restore.
     */
    public static SnapshotRestore ofRestoreTest(RestoreTestRequested request, Snapshot snapshot) {
        SnapshotRestore restore = new SnapshotRestore();
        restore.id = request.drillId();
        restore.taskId = request.taskId();
        restore.snapshotId = snapshot.id;
        restore.kind = snapshot.kind;
        restore.sourceCluster = snapshot.cluster;
        restore.targetKind = WalTasks.RecoveryTargetKind.LATEST.wireName();
        restore.pauseAtTarget = false;
        restore.replaceData = false;
        restore.phase = RestorePhase.RUNNING;
        ClusterNode sandbox = request.sandboxNode();
        restore.targetNode = sandbox.name();
        restore.newNodeHost = sandbox.host();
        restore.newNodePort = sandbox.port();
        restore.newNodeDataDirectory = sandbox.dataDirectory();
        return restore;
    }

    public static Optional<SnapshotRestore> byTask(UUID taskId) {
        return find("taskId", taskId).firstResultOptional();
    }

    /** A page of a snapshot's restores, newest first (the id breaks ties). */
    public static Page<SnapshotRestore> ofSnapshot(UUID snapshotId, PageRequest page) {
        KeysetQuery query = KeysetQuery.newestFirst("requestedAt", "id").whereEqual("snapshotId", snapshotId)
                .after(Keyset.after(page, UUID::fromString));
        return Page.of(SnapshotRestore.<SnapshotRestore>find(query.jpql(), query.parameters())
                .page(0, page.limit() + 1).list(), page, restore -> Keyset.key(restore.requestedAt, restore.id));
    }

    /**
     * Snapshots read by a restore that has not ended (requested, or running), a restore test's included: retention
     * keeps them.
     */
    public static Set<UUID> snapshotsBeingRestored() {
        Set<UUID> read = SnapshotRestore.<SnapshotRestore>list("phase", RestorePhase.RUNNING).stream()
                .map(restore -> restore.snapshotId).collect(Collectors.toSet());
        RestoreTest.<RestoreTest>list("state", RestoreTestState.RUNNING).forEach(test -> read.add(test.snapshotId));
        return read;
    }

    /** A restore of this snapshot that has not ended. */
    public static Optional<SnapshotRestore> runningOf(UUID snapshotId) {
        return find("snapshotId = ?1 and phase = ?2", snapshotId, RestorePhase.RUNNING).firstResultOptional();
    }

    /** A restore into this cluster that has not ended. */
    public static Optional<SnapshotRestore> runningInto(String cluster) {
        return find("targetCluster = ?1 and phase = ?2", cluster, RestorePhase.RUNNING).firstResultOptional();
    }

    /** A restore that has not ended creating a node on this host at this port or in this data directory. */
    public static Optional<SnapshotRestore> runningOntoNewNode(String host, int port, String dataDirectory) {
        return find("newNodeHost = ?1 and (newNodePort = ?2 or newNodeDataDirectory = ?3) and phase = ?4", host,
                port, dataDirectory, RestorePhase.RUNNING).firstResultOptional();
    }

    public boolean isOntoNewNode() {
        return newNodeHost != null;
    }

    public List<String> tableList() {
        return List.of(tables);
    }

    /** Its task has not ended. */
    public boolean isRunning() {
        return !phase.isDone();
    }

    /** Its task made progress (percentages only grow: events of one task may be folded late). */
    public void setProgress(int taskPercent) {
        percent = Math.max(percent, taskPercent);
    }

    public void setAsCompleted(Instant at) {
        phase = RestorePhase.COMPLETED;
        finishedAt = at;
        percent = 100;
    }

    public boolean isPointInTime() {
        return walArchiveId != null;
    }

    /** Where recovery stopped, from a point-in-time restore task's artifacts. */
    public void recordRecovery(Map<String, String> artifacts) {
        reachedLsn = artifacts.get(WalTasks.REACHED_LSN);
        String timeline = artifacts.get(WalTasks.REACHED_TIMELINE);
        reachedTimeline = timeline == null ? null : Integer.valueOf(timeline);
        recoveryStop = artifacts.get(WalTasks.RECOVERY_STOP);
    }

    public void setAsFailed(Instant at, String reason) {
        phase = RestorePhase.FAILED;
        finishedAt = at;
        error = reason;
    }
}
