package io.drsuite.snapshot.rest;

import io.drsuite.snapshot.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A snapshot in the catalog.
 *
 * @param location where the data is: a path in a filesystem location, an {@code s3://} URL in a bucket
 * @param endLsn physical: where the backup's WAL ends (a point-in-time restore from it recovers at least this far)
 * @param consistentAt the moment the data is as of (physical: end of the backup; logical: start of the dump)
 * @param durationSeconds from request to stored, once completed
 * @param verification the last verification, if any
 * @param restoreTestedAt when a restore test last restored it and every check passed; null when none has
 * @param restoreTestSeconds that test's restore time (start until the restored node accepted connections)
 */
public record SnapshotView(
        UUID id,
        String cluster,
        String kind,
        String database,
        List<String> tables,
        String label,
        String phase,
        int percent,
        UUID taskId,
        UUID policyId,
        String storage,
        String location,
        Long sizeBytes,
        String sha256,
        String startLsn,
        String endLsn,
        Integer timeline,
        Instant consistentAt,
        Instant requestedAt,
        Instant completedAt,
        Double durationSeconds,
        String error,
        Verification verification,
        String requestedBy,
        Instant restoreTestedAt,
        Double restoreTestSeconds) {

    /** {@code state}: running, ok, corrupt or failed (the check itself could not run). */
    public record Verification(String state, UUID taskId, Instant finishedAt, String detail) {
    }

    public static SnapshotView of(Snapshot snapshot, String location) {
        Double duration = snapshot.completedAt == null ? null
                : Duration.between(snapshot.requestedAt, snapshot.completedAt).toMillis() / 1000.0;
        Verification verification = snapshot.verifyTaskId == null ? null
                : new Verification(snapshot.verifyResult == null ? null : snapshot.verifyResult.wireName(),
                        snapshot.verifyTaskId, snapshot.verifiedAt, snapshot.verifyDetail);
        return new SnapshotView(snapshot.id, snapshot.cluster, snapshot.kind.wireName(), snapshot.database,
                snapshot.tableList(), snapshot.label, snapshot.phase.wireName(), snapshot.percent, snapshot.taskId, snapshot.policyId,
                snapshot.storage, location, snapshot.sizeBytes, snapshot.sha256,
                snapshot.startLsn, snapshot.endLsn, snapshot.timeline, snapshot.consistentAt, snapshot.requestedAt,
                snapshot.completedAt, duration, snapshot.error, verification,
                snapshot.requestedBy, snapshot.restoreTestedAt, snapshot.restoreTestSeconds);
    }
}
