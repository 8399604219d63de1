package io.drsuite.snapshot.policy;

import io.drsuite.platform.problem.ProblemException;
import io.drsuite.snapshot.api.SnapshotRequest;
import io.drsuite.snapshot.model.BackupPolicy;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.service.SnapshotService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs each policy on its cron schedule with the Quarkus scheduler (one programmatic job per policy). Every
 * instance of the service schedules every policy; the database decides which instance runs a scheduled time: the
 * one whose update of {@code last_fired_at} to that time succeeds. Schedules follow the database: on start, after
 * every change made here, and every {@code drsuite.snapshots.schedule-sync-interval} for changes made elsewhere.
 */
@ApplicationScoped
public class PolicyScheduler {

    private static final Logger LOG = Logger.getLogger(PolicyScheduler.class);
    private static final String JOB_PREFIX = "backup-policy-";

    private final Scheduler scheduler;
    private final SnapshotService snapshots;
    private final TransactionSynchronizationRegistry transactions;
    /** Policy id → the cron expression its job runs, for the jobs this instance scheduled. */
    private final Map<UUID, String> scheduled = new HashMap<>();

    PolicyScheduler(Scheduler scheduler, SnapshotService snapshots, TransactionSynchronizationRegistry transactions) {
        this.scheduler = scheduler;
        this.snapshots = snapshots;
        this.transactions = transactions;
    }

    void onStart(@Observes StartupEvent start) {
        synchronize();
    }

    /** Brings the jobs in line with the policies in the database. */
    @Scheduled(every = "${drsuite.snapshots.schedule-sync-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public synchronized void synchronize() {
        List<BackupPolicy> policies = QuarkusTransaction.requiringNew().call(BackupPolicy::listByName);
        Map<UUID, String> wanted = new HashMap<>();
        policies.stream().filter(policy -> !policy.suspended).forEach(policy -> wanted.put(policy.id, policy.schedule));
        for (UUID id : List.copyOf(scheduled.keySet())) {
            if (!wanted.containsKey(id)) {
                unschedule(id);
            }
        }
        wanted.forEach(this::schedule);
    }

    /** When the policy is in the database (the transaction committed), schedule it as it is now. */
    void scheduleAfterCommit(BackupPolicy policy) {
        UUID id = policy.id;
        String cron = policy.suspended ? null : policy.schedule;
        afterCommit(() -> {
            if (cron == null) {
                unschedule(id);
            } else {
                schedule(id, cron);
            }
        });
    }

    void unscheduleAfterCommit(UUID id) {
        afterCommit(() -> unschedule(id));
    }

    /** When the policy runs next, as scheduled in this instance. */
    public Optional<Instant> nextRun(BackupPolicy policy) {
        Trigger trigger = scheduler.getScheduledJob(JOB_PREFIX + policy.id);
        return trigger == null ? Optional.empty() : Optional.ofNullable(trigger.getNextFireTime());
    }

    private synchronized void schedule(UUID id, String cron) {
        if (cron.equals(scheduled.get(id))) {
            return;
        }
        if (scheduled.containsKey(id)) {
            scheduler.unscheduleJob(JOB_PREFIX + id);
        }
        scheduler.newJob(JOB_PREFIX + id).setCron(cron).setTimeZone("UTC")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> fire(id, execution)).schedule();
        scheduled.put(id, cron);
        LOG.infof("Backup policy %s scheduled: %s (UTC)", id, cron);
    }

    private synchronized void unschedule(UUID id) {
        if (scheduled.remove(id) != null) {
            scheduler.unscheduleJob(JOB_PREFIX + id);
            LOG.infof("Backup policy %s unscheduled", id);
        }
    }

    /** One scheduled time of a policy: claim it, then request the snapshot as a user would. */
    private void fire(UUID id, ScheduledExecution execution) {
        Instant at = execution.getScheduledFireTime();
        Optional<BackupPolicy> claimed = QuarkusTransaction.requiringNew().call(() -> claim(id, at));
        if (claimed.isEmpty()) {
            return;
        }
        BackupPolicy policy = claimed.get();
        SnapshotRequest request = new SnapshotRequest(policy.cluster, policy.kind,
                policy.database, policy.tableList(), policy.storage, "policy " + policy.name);
        String error = null;
        UUID snapshotId = null;
        try {
            Snapshot snapshot = snapshots.take(request, policy.id);
            snapshotId = snapshot.id;
            LOG.infof("Backup policy %s started snapshot %s of %s", policy.name, snapshot.id, policy.cluster);
        } catch (ProblemException refused) {
            error = refused.problem().detail();
            LOG.warnf("Backup policy %s made no snapshot at %s: %s", policy.name, at, error);
        }
        UUID started = snapshotId;
        String reason = error;
        QuarkusTransaction.requiringNew().run(() -> BackupPolicy.<BackupPolicy>findByIdOptional(id)
                .ifPresent(stored -> {
                    stored.lastError = reason;
                    if (started != null) {
                        stored.lastSnapshotId = started;
                    }
                }));
    }

    private static Optional<BackupPolicy> claim(UUID id, Instant at) {
        int claimed = BackupPolicy.update("lastFiredAt = ?1 where id = ?2 and suspended = false "
                + "and (lastFiredAt is null or lastFiredAt < ?1)", at, id);
        return claimed == 1 ? BackupPolicy.findByIdOptional(id) : Optional.empty();
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
