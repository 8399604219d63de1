package io.drsuite.snapshot.policy;

import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.platform.schedule.CronSchedule;
import io.drsuite.snapshot.api.PolicyRequest;
import io.drsuite.snapshot.api.RetentionRequest;
import io.drsuite.snapshot.model.BackupPolicy;
import io.drsuite.snapshot.service.SnapshotRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Backup policies: checked like a snapshot request, stored, and handed to the scheduler. */
@ApplicationScoped
public class PolicyService {

    private static final Duration SHORTEST_MAX_AGE = Duration.ofMinutes(1);

    private final SnapshotRules rules;
    private final PolicyScheduler scheduler;

    PolicyService(SnapshotRules rules, PolicyScheduler scheduler) {
        this.rules = rules;
        this.scheduler = scheduler;
    }

    @Transactional
    public BackupPolicy create(PolicyRequest request) {
        if (BackupPolicy.count("name", request.name()) > 0) {
            throw ProblemException.conflict("policy-exists", "a policy named '" + request.name() + "' exists");
        }
        BackupPolicy policy = new BackupPolicy();
        policy.id = UUID.randomUUID();
        policy.createdAt = Instant.now();
        apply(policy, request);
        policy.persist();
        scheduler.scheduleAfterCommit(policy);
        return policy;
    }

    @Transactional
    public BackupPolicy update(UUID id, PolicyRequest request) {
        BackupPolicy policy = policy(id);
        if (!policy.name.equals(request.name()) && BackupPolicy.count("name", request.name()) > 0) {
            throw ProblemException.conflict("policy-exists", "a policy named '" + request.name() + "' exists");
        }
        apply(policy, request);
        scheduler.scheduleAfterCommit(policy);
        return policy;
    }

    /** Removes the policy; its snapshots stay in the catalog (no longer under retention). */
    @Transactional
    public void delete(UUID id) {
        BackupPolicy policy = policy(id);
        policy.delete();
        scheduler.unscheduleAfterCommit(id);
    }

    public List<BackupPolicy> policies() {
        return BackupPolicy.listByName();
    }

    /**
     * The next run as this instance's scheduler has it; right after a change, before the commit reached the
     * scheduler, the cron expression says it. Empty for a schedule that never fires again.
     */
    public Optional<Instant> nextRun(BackupPolicy policy) {
        return scheduler.nextRun(policy).or(() -> CronSchedule.parse(policy.schedule).nextAfter(Instant.now()));
    }

    public BackupPolicy policy(UUID id) {
        return BackupPolicy.<BackupPolicy>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("policy", "no policy " + id));
    }

    private void apply(BackupPolicy policy, PolicyRequest request) {
        CronSchedule schedule = CronSchedule.parse(request.schedule());
        RetentionRequest retention = request.retention();
        if (retention.keepLast() == null && retention.maxAge() == null) {
            throw ProblemException.badRequest("retention", "retention needs keepLast, maxAge or both");
        }
        if (retention.maxAge() != null && retention.maxAge().compareTo(SHORTEST_MAX_AGE) < 0) {
            throw ProblemException.badRequest("retention.maxAge", "maxAge must be at least one minute");
        }
        if (retention.recoveryWindow() != null && (request.kind() != SnapshotKind.PHYSICAL
                || retention.recoveryWindow().compareTo(SHORTEST_MAX_AGE) < 0)) {
            throw ProblemException.badRequest("retention.recoveryWindow", "recoveryWindow is for physical policies "
                    + "(the bases of point-in-time restores) and must be at least one minute");
        }
        rules.scope(request.kind(), request.database(), request.tableList());
        String cluster = rules.cluster(request.cluster()).name;
        policy.name = request.name();
        policy.cluster = cluster;
        policy.kind = request.kind();
        policy.database = request.database();
        policy.tables = request.tableList().toArray(String[]::new);
        policy.schedule = schedule.expression();
        policy.keepLast = retention.keepLast();
        policy.maxAgeSeconds = retention.maxAge() == null ? null : retention.maxAge().toSeconds();
        policy.recoveryWindowSeconds = retention.recoveryWindow() == null ? null
                : retention.recoveryWindow().toSeconds();
        policy.storage = rules.storage(request.storage());
        policy.suspended = Boolean.TRUE.equals(request.suspended());
        policy.restoreObjectiveSeconds = request.restoreObjectiveSeconds();
        policy.maxBackupAgeSeconds = request.maxBackupAgeSeconds();
        policy.updatedAt = Instant.now();
    }
}
