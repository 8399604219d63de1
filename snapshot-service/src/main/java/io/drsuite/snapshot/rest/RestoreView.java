package io.drsuite.snapshot.rest;

import io.drsuite.snapshot.model.SnapshotRestore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A restore of a snapshot and how it went. */
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
        String requestedBy) {

    public static RestoreView of(SnapshotRestore restore) {
        return new RestoreView(restore.id, restore.snapshotId, restore.kind.wireName(), restore.targetCluster,
                restore.targetDatabase, restore.targetNode, restore.tableList(), restore.replaceData,
                restore.phase.wireName(), restore.percent, restore.taskId, restore.requestedAt, restore.finishedAt, restore.error,
                restore.requestedBy);
    }
}
