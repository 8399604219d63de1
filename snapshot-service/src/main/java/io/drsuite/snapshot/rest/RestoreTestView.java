package io.drsuite.snapshot.rest;

import io.drsuite.snapshot.model.RestoreTest;
import java.time.Instant;
import java.util.UUID;

/**
 * A restore test drill: the snapshot restored onto a sandbox node, to what, and how it went.
 *
 * @param snapshotId null when the test was refused (nothing to restore)
 * @param target {@code latest} (the end of the archived WAL after the snapshot) or {@code snapshot} (its own
 *     consistent point); null when refused
 * @param state running, passed (the task succeeded and every check passed) or failed
 * @param restoreSeconds the restore's start until the restored node accepted connections
 * @param restoreObjectiveSeconds the cluster's restore objective when the test was requested, or null
 * @param withinObjective whether the restore time met the objective; null without a time or an objective
 * @param reason why it failed or was refused
 */
public record RestoreTestView(
        UUID drillId,
        UUID taskId,
        String cluster,
        UUID snapshotId,
        String target,
        String state,
        Instant requestedAt,
        Instant finishedAt,
        Double restoreSeconds,
        Long restoreObjectiveSeconds,
        Boolean withinObjective,
        String reason) {

    public static RestoreTestView of(RestoreTest test) {
        return new RestoreTestView(test.drillId, test.taskId, test.cluster, test.snapshotId,
                test.target == null ? null : test.target.wireName(), test.state.wireName(), test.requestedAt,
                test.finishedAt, test.restoreSeconds, test.restoreObjectiveSeconds,
                test.restoreSeconds == null || test.restoreObjectiveSeconds == null ? null : test.withinObjective(),
                test.reason);
    }
}
