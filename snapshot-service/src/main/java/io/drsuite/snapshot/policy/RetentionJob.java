package io.drsuite.snapshot.policy;

import io.drsuite.platform.problem.ProblemException;
import io.drsuite.snapshot.model.BackupPolicy;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.drsuite.snapshot.service.SnapshotService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Deletes what each policy's retention no longer keeps ({@link RetentionPlanner}), stored data first, then the
 * catalog entry, each snapshot in its own transaction that plans again under lock (several instances may run this
 * at once; a snapshot another one deleted, or one that came into use meanwhile, is skipped). Snapshots of a deleted
 * policy and snapshots users took are never touched.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final SnapshotService snapshots;

    RetentionJob(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    @Scheduled(every = "${drsuite.snapshots.retention-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expire() {
        List<BackupPolicy> policies = QuarkusTransaction.requiringNew().call(BackupPolicy::listByName);
        for (BackupPolicy policy : policies) {
            UnaryOperator<List<Snapshot>> plan = newestFirst -> RetentionPlanner.expired(newestFirst,
                    policy.keepLast, policy.maxAge(), policy.recoveryWindow(), Instant.now(),
                    SnapshotRestore.snapshotsBeingRestored());
            List<Snapshot> expired = QuarkusTransaction.requiringNew().call(() -> plan.apply(
                    Snapshot.completedOfPolicy(policy.id)));
            for (Snapshot snapshot : expired) {
                try {
                    snapshots.expire(snapshot.id, policy.id, plan);
                } catch (ProblemException e) {
                    LOG.warnf("Retention could not delete snapshot %s of policy %s: %s", snapshot.id, policy.name,
                            e.problem().detail());
                }
            }
        }
    }
}
