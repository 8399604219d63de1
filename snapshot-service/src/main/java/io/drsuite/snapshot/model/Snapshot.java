package io.drsuite.snapshot.model;

import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.platform.paging.Keyset;
import io.drsuite.platform.paging.KeysetQuery;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A backup in the catalog. Its {@link SnapshotPhase} follows its task and its verifications; the changes are the
 * methods below.
 */
@Entity
@Table(name = "snapshot")
public class Snapshot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String cluster;

    @Convert(converter = SnapshotKindConverter.class)
    @Column(nullable = false)
    public SnapshotKind kind;

    public String database;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] tables = new String[0];

    @Column(nullable = false)
    public String storage;

    @Column(name = "object_key", nullable = false)
    public String objectKey;

    public String label;

    @Column(name = "policy_id")
    public UUID policyId;

    @Column(name = "major_version", nullable = false)
    public int majorVersion;

    @Convert(converter = SnapshotPhaseConverter.class)
    @Column(nullable = false)
    public SnapshotPhase phase;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    /** Who asked for it, from the request's token; null when a backup policy's schedule took it. */
    @Column(name = "requested_by")
    public String requestedBy;

    @Column(nullable = false)
    public int percent;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    public String sha256;

    @Column(name = "start_lsn")
    public String startLsn;

    /** Physical: where the backup's WAL ends; a point-in-time restore from it recovers at least this far. */
    @Column(name = "end_lsn")
    public String endLsn;

    public Integer timeline;

    @Column(name = "consistent_at")
    public Instant consistentAt;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public String error;

    @Column(name = "verify_task_id")
    public UUID verifyTaskId;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Convert(converter = VerificationResultConverter.class)
    @Column(name = "verify_result")
    public VerificationResult verifyResult;

    @Column(name = "verify_detail")
    public String verifyDetail;

    /** When a restore test restored it and every check passed; null when none has. */
    @Column(name = "restore_tested_at")
    public Instant restoreTestedAt;

    /** That restore test's restore time: its start until the restored node accepted connections. */
    @Column(name = "restore_test_seconds")
    public Double restoreTestSeconds;

    public List<String> tableList() {
        return List.of(tables);
    }

    public boolean isCompleted() {
        return phase == SnapshotPhase.COMPLETED;
    }

    /** Its backup task has not ended. */
    public boolean isRunning() {
        return !phase.isDone();
    }

    /** A task (backup, verification) works on it now, so it must not be deleted. */
    public boolean busy() {
        return isRunning() || isBeingVerified();
    }

    /** A verification was requested and has not ended. */
    public boolean isBeingVerified() {
        return verifyResult != null && !verifyResult.isDone();
    }

    /** Its last verification re-read the stored data and found it intact: it is known to restore. */
    public boolean passedVerification() {
        return verifyResult == VerificationResult.OK;
    }

    /** Known to restore: it passed a verification, or a restore test restored it and checked the result. */
    public boolean knownToRestore() {
        return passedVerification() || restoreTestedAt != null;
    }

    /** A restore test restored it, the restored node accepted connections and every check passed. */
    public void setAsRestoreTested(Instant at, Double restoreSeconds) {
        restoreTestedAt = at;
        restoreTestSeconds = restoreSeconds;
    }

    /** Its backup task made progress (percentages only grow: events of one task may be folded late). */
    public void setProgress(int taskPercent) {
        percent = Math.max(percent, taskPercent);
    }

    /** The backup task stored the data: what it wrote and where the backup starts come from its artifacts. */
    public void setAsCompleted(Instant at, Map<String, String> artifacts) {
        phase = SnapshotPhase.COMPLETED;
        completedAt = at;
        percent = 100;
        sizeBytes = Long.valueOf(artifacts.get(SnapshotTasks.SIZE_BYTES));
        sha256 = artifacts.get(SnapshotTasks.SHA256);
        startLsn = artifacts.get(SnapshotTasks.START_LSN);
        endLsn = artifacts.get(SnapshotTasks.END_LSN);
        String startTimeline = artifacts.get(SnapshotTasks.TIMELINE);
        timeline = startTimeline == null ? null : Integer.valueOf(startTimeline);
        String consistent = artifacts.get(SnapshotTasks.CONSISTENT_AT);
        consistentAt = consistent == null ? null : Instant.parse(consistent);
    }

    public void setAsFailed(Instant at, String reason) {
        phase = SnapshotPhase.FAILED;
        completedAt = at;
        error = reason;
    }

    /** Starts a verification by the given task; it runs until the task's outcome is folded. */
    public void startVerification(UUID taskId) {
        verifyTaskId = taskId;
        verifyResult = VerificationResult.RUNNING;
        verifyDetail = null;
    }

    /** The verification found the stored data intact. */
    public void setAsVerified(Instant at, String detail) {
        verifyResult = VerificationResult.OK;
        verifiedAt = at;
        verifyDetail = detail;
    }

    /** The verification found the stored data different from what was written: it no longer restores. */
    public void setAsCorrupt(Instant at, String reason) {
        verifyResult = VerificationResult.CORRUPT;
        verifiedAt = at;
        verifyDetail = reason;
        phase = SnapshotPhase.CORRUPT;
        error = reason;
    }

    /** The verification could not run; the snapshot stays as it was. */
    public void setVerificationFailed(Instant at, String reason) {
        verifyResult = VerificationResult.FAILED;
        verifiedAt = at;
        verifyDetail = reason;
    }

    public static Optional<Snapshot> byTask(UUID taskId) {
        return find("taskId", taskId).firstResultOptional();
    }

    public static Optional<Snapshot> byVerifyTask(UUID taskId) {
        return find("verifyTaskId", taskId).firstResultOptional();
    }

    /** A page of the catalog, newest first (the id breaks ties), of one cluster and one kind when they are given. */
    public static Page<Snapshot> newestFirst(String cluster, SnapshotKind kind, PageRequest page) {
        KeysetQuery query = KeysetQuery.newestFirst("requestedAt", "id").whereEqual("cluster", cluster)
                .whereEqual("kind", kind).after(Keyset.after(page, UUID::fromString));
        return Page.of(Snapshot.<Snapshot>find(query.jpql(), query.parameters()).page(0, page.limit() + 1).list(),
                page, snapshot -> Keyset.key(snapshot.requestedAt, snapshot.id));
    }

    /** A cluster's completed (not corrupt) physical snapshots that say where their WAL starts, newest first. */
    public static List<Snapshot> restorableBasesOf(String cluster) {
        return list("cluster = ?1 and kind = ?2 and phase = ?3 and startLsn is not null and timeline is not null "
                + "and consistentAt is not null order by consistentAt desc, id desc", cluster, SnapshotKind.PHYSICAL,
                SnapshotPhase.COMPLETED);
    }

    /**
     * The cluster's good snapshots of one kind, newest first: completed (not corrupt), with a checksum to restore
     * against, and no failed verification.
     */
    public static List<Snapshot> goodOf(String cluster, SnapshotKind kind) {
        return list("cluster = ?1 and kind = ?2 and phase = ?3 and sha256 is not null and (verifyResult is null or "
                + "verifyResult <> ?4) order by completedAt desc, id desc", cluster, kind,
                SnapshotPhase.COMPLETED, VerificationResult.FAILED);
    }

    /** When each cluster's newest good snapshot (completed, no failed verification) completed, of any kind. */
    public static Map<String, Instant> newestGoodCompletion() {
        Map<String, Instant> newest = new HashMap<>();
        getEntityManager().createQuery("select s.cluster, max(s.completedAt) from Snapshot s where s.phase = :completed "
                + "and (s.verifyResult is null or s.verifyResult <> :failed) group by s.cluster", Object[].class)
                .setParameter("completed", SnapshotPhase.COMPLETED).setParameter("failed", VerificationResult.FAILED)
                .getResultList().forEach(row -> newest.put((String) row[0], (Instant) row[1]));
        return newest;
    }

    /** The cluster's oldest stored physical snapshot that says where its WAL starts: WAL before it is no use. */
    public static Optional<Snapshot> oldestKeptPhysical(String cluster) {
        return find("cluster = ?1 and kind = ?2 and phase in ?3 and startLsn is not null order by requestedAt, id",
                cluster, SnapshotKind.PHYSICAL, List.of(SnapshotPhase.COMPLETED, SnapshotPhase.CORRUPT))
                .firstResultOptional();
    }

    /** Completed snapshots a policy made, newest first: what retention looks at. */
    public static List<Snapshot> completedOfPolicy(UUID policyId) {
        return list("policyId = ?1 and phase = ?2 order by requestedAt desc", policyId, SnapshotPhase.COMPLETED);
    }

    /**
     * The same, locked until the transaction ends: a verification, a restore request or a task outcome touching
     * one of them waits, so a retention decision made on them still holds when it is carried out.
     */
    public static List<Snapshot> completedOfPolicyLocked(UUID policyId) {
        return find("policyId = ?1 and phase = ?2 order by requestedAt desc, id", policyId,
                SnapshotPhase.COMPLETED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
