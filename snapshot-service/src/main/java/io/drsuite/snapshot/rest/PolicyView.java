package io.drsuite.snapshot.rest;

import io.drsuite.snapshot.model.BackupPolicy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A backup policy with its last and next run.
 *
 * @param lastRunAt the last scheduled time a snapshot was requested for (by any instance)
 * @param nextRunAt the next scheduled time; null while suspended
 * @param lastError why the last scheduled run made no snapshot, e.g. a DR rule refused it
 * @param restoreObjectiveSeconds the restore objective this policy sets for its cluster, or null
 * @param maxBackupAgeSeconds the backup age objective this policy sets for its cluster, or null
 */
public record PolicyView(
        UUID id,
        String name,
        String cluster,
        String kind,
        String database,
        List<String> tables,
        String schedule,
        Retention retention,
        String storage,
        boolean suspended,
        Instant lastRunAt,
        Instant nextRunAt,
        UUID lastSnapshotId,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Long restoreObjectiveSeconds,
        Long maxBackupAgeSeconds) {

    /**
     * @param maxAge ISO-8601, e.g. {@code P30D}
     * @param recoveryWindow ISO-8601: the newest snapshot at least this old is kept as a point-in-time restore's base
     */
    public record Retention(Integer keepLast, String maxAge, String recoveryWindow) {
    }

    public static PolicyView of(BackupPolicy policy, Instant nextRunAt) {
        return new PolicyView(policy.id, policy.name, policy.cluster, policy.kind.wireName(), policy.database,
                policy.tableList(), policy.schedule, new Retention(policy.keepLast,
                        policy.maxAge() == null ? null : policy.maxAge().toString(),
                        policy.recoveryWindow() == null ? null : policy.recoveryWindow().toString()), policy.storage,
                policy.suspended, policy.lastFiredAt, policy.suspended ? null : nextRunAt, policy.lastSnapshotId,
                policy.lastError, policy.createdAt, policy.updatedAt, policy.restoreObjectiveSeconds,
                policy.maxBackupAgeSeconds);
    }
}
