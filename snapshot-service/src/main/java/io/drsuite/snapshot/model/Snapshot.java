package io.drsuite.snapshot.model;

import io.drsuite.platform.paging.Keyset;
import io.drsuite.platform.paging.KeysetQuery;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A backup in the catalog. Its phase follows its task: {@code running} until the task ends, then {@code completed}
 * or {@code failed}; a verification that finds the stored bytes changed makes it {@code corrupt}.
 */
@Entity
@Table(name = "snapshot")
public class Snapshot extends PanacheEntityBase {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CORRUPT = "corrupt";

    /** {@code verify_result}: a verification requested and not ended, its verdicts, or a check that could not run. */
    public static final String VERIFY_RUNNING = "running";
    public static final String VERIFY_OK = "ok";
    public static final String VERIFY_CORRUPT = "corrupt";
    public static final String VERIFY_FAILED = "failed";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String cluster;

    @Column(nullable = false)
    public String kind;

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

    @Column(nullable = false)
    public String phase;

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

    @Column(name = "verify_result")
    public String verifyResult;

    @Column(name = "verify_detail")
    public String verifyDetail;

    public SnapshotKind kindValue() {
        return SnapshotKind.fromWire(kind);
    }

    public List<String> tableList() {
        return List.of(tables);
    }

    public boolean isCompleted() {
        return COMPLETED.equals(phase);
    }

    /** A task (backup, verification) works on it now, so it must not be deleted. */
    public boolean busy() {
        return RUNNING.equals(phase) || isBeingVerified();
    }

    /** A verification was requested and has not ended. */
    public boolean isBeingVerified() {
        return VERIFY_RUNNING.equals(verifyResult);
    }

    /** Its last verification re-read the stored data and found it intact: it is known to restore. */
    public boolean passedVerification() {
        return VERIFY_OK.equals(verifyResult);
    }

    /** Starts a verification by the given task; it runs until the task's outcome is folded. */
    public void startVerification(UUID taskId) {
        verifyTaskId = taskId;
        verifyResult = VERIFY_RUNNING;
        verifyDetail = null;
    }

    public static Optional<Snapshot> byTask(UUID taskId) {
        return find("taskId", taskId).firstResultOptional();
    }

    public static Optional<Snapshot> byVerifyTask(UUID taskId) {
        return find("verifyTaskId", taskId).firstResultOptional();
    }

    /** A page of the catalog, newest first (the id breaks ties), of one cluster and one kind when they are given. */
    public static Page<Snapshot> newestFirst(String cluster, String kind, PageRequest page) {
        KeysetQuery query = KeysetQuery.newestFirst("requestedAt", "id").whereEqual("cluster", cluster)
                .whereEqual("kind", kind).after(Keyset.after(page, UUID::fromString));
        return Page.of(Snapshot.<Snapshot>find(query.jpql(), query.parameters()).page(0, page.limit() + 1).list(),
                page, snapshot -> Keyset.key(snapshot.requestedAt, snapshot.id));
    }

    /** Completed snapshots a policy made, newest first: what retention looks at. */
    public static List<Snapshot> completedOfPolicy(UUID policyId) {
        return list("policyId = ?1 and phase = ?2 order by requestedAt desc", policyId, COMPLETED);
    }

    /**
     * The same, locked until the transaction ends: a verification, a restore request or a task outcome touching
     * one of them waits, so a retention decision made on them still holds when it is carried out.
     */
    public static List<Snapshot> completedOfPolicyLocked(UUID policyId) {
        return find("policyId = ?1 and phase = ?2 order by requestedAt desc, id", policyId, COMPLETED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
