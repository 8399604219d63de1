package io.drsuite.snapshot.rest;

import io.drsuite.snapshot.model.SnapshotRestore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A restore of a snapshot and how it went; a point-in-time restore also says its target and where it got. */
public record RestoreView(
        UUID id,
        UUID snapshotId,
        String kind,
        String targetCluster,
        String targetDatabase,
        String targetNode,
        List<String> tables,
        boolean replace,
        String phase,
        int percent,
        UUID taskId,
        Instant requestedAt,
        Instant finishedAt,
        String error,
        String requestedBy,
        PointInTime pointInTime,
        NewNode newNode) {

    /** The node a point-in-time restore creates, in no cluster ({@code targetNode} is its name). */
    public record NewNode(String host, int port, String dataDirectory) {
    }

    /**
     * A point-in-time restore's target and outcome.
     *
     * @param targetKind time, lsn, restore-point or latest
     * @param target the time, LSN or restore point's name; null for latest
     * @param reachedLsn where recovery stopped, once completed
     * @param reachedTimeline the timeline the restored node runs on, once completed
     * @param recoveryStop PostgreSQL's words for where recovery stopped
     */
    public record PointInTime(UUID walArchiveId, String sourceCluster, String targetKind, String target,
            boolean pauseAtTarget, String reachedLsn, Integer reachedTimeline, String recoveryStop) {
    }

    public static RestoreView of(SnapshotRestore restore) {
        return new RestoreView(restore.id, restore.snapshotId, restore.kind.wireName(), restore.targetCluster,
                restore.targetDatabase, restore.targetNode, restore.tableList(), restore.replaceData,
                restore.phase.wireName(), restore.percent, restore.taskId, restore.requestedAt, restore.finishedAt,
                restore.error, restore.requestedBy, restore.isPointInTime() ? new PointInTime(restore.walArchiveId,
                        restore.sourceCluster, restore.targetKind, restore.targetValue,
                        Boolean.TRUE.equals(restore.pauseAtTarget), restore.reachedLsn, restore.reachedTimeline,
                        restore.recoveryStop) : null,
                restore.isOntoNewNode() ? new NewNode(restore.newNodeHost, restore.newNodePort,
                        restore.newNodeDataDirectory) : null);
    }
}
