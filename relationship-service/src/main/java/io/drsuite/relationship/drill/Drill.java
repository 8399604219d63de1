package io.drsuite.relationship.drill;

import io.drsuite.events.task.TaskResult;
import io.drsuite.platform.paging.Keyset;
import io.drsuite.platform.paging.KeysetQuery;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A drill of a relationship: what was asked (sandbox, user checks, the objectives it is judged against, who asked)
 * and the evidence it produced (figures, checks, step timeline, verdict). While it runs it holds a port and a folder
 * of its sandbox; the state changes only through the methods below.
 */
@Entity
@Table(name = "drill")
public class Drill extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DrillKind kind;

    @Column(name = "relationship_id", nullable = false)
    public UUID relationshipId;

    @Column(name = "relationship_name", nullable = false)
    public String relationshipName;

    @Column(name = "primary_cluster", nullable = false)
    public String primaryCluster;

    @Column(name = "dr_cluster", nullable = false)
    public String drCluster;

    /** The sandbox, its port and the drill's folder there; null for a switchover round trip, which needs none. */
    public String sandbox;

    public Integer port;

    @Column(name = "data_directory")
    public String dataDirectory;

    /** The cluster whose backup a restore test restores; null for the other kinds. */
    public String cluster;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DrillState state;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "correlation_id")
    public UUID correlationId;

    /** The drill plan that started the drill; null when somebody asked for it. */
    public String plan;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "rpo_objective_seconds")
    public Integer rpoObjectiveSeconds;

    @Column(name = "rto_objective_seconds")
    public Integer rtoObjectiveSeconds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "user_checks", nullable = false)
    public List<UserCheck> userChecks = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<TimelineStep> timeline = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "task_state")
    public TaskResult taskState;

    @Column(name = "task_error")
    public String taskError;

    @Column(name = "failed_step")
    public String failedStep;

    @Column(name = "rto_seconds")
    public Double rtoSeconds;

    @Column(name = "rpo_bytes")
    public Long rpoBytes;

    @Column(name = "rpo_seconds")
    public Double rpoSeconds;

    @Column(name = "declared_at")
    public Instant declaredAt;

    @Column(name = "data_point_lsn")
    public String dataPointLsn;

    @Column(name = "source_pause_seconds")
    public Double sourcePauseSeconds;

    @Column(name = "outage_there_seconds")
    public Double outageThereSeconds;

    @Column(name = "outage_back_seconds")
    public Double outageBackSeconds;

    @Column(name = "canary_commits")
    public Long canaryCommits;

    @Column(name = "canary_lost_commits")
    public Long canaryLostCommits;

    @Column(name = "snapshot_id")
    public UUID snapshotId;

    @Column(name = "restore_seconds")
    public Double restoreSeconds;

    @Column(name = "restored_lsn")
    public String restoredLsn;

    @Column(name = "restore_objective_seconds")
    public Integer restoreObjectiveSeconds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CheckOutcome> checks = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> reasons = new ArrayList<>();

    public static Optional<Drill> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    public static Optional<Drill> findByTaskForUpdate(UUID taskId) {
        return find("taskId", taskId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<Drill> runningOn(String sandbox) {
        return find("sandbox = ?1 and state = ?2", sandbox, DrillState.RUNNING).firstResultOptional();
    }

    public static Optional<Drill> runningFor(UUID relationshipId) {
        return find("relationshipId = ?1 and state = ?2", relationshipId, DrillState.RUNNING).firstResultOptional();
    }

    /** The ports of the sandbox that running drills hold. */
    public static List<Integer> portsHeldOn(String sandbox) {
        return getEntityManager().createQuery("select d.port from Drill d where d.sandbox = :sandbox and d.state = "
                + ":running", Integer.class).setParameter("sandbox", sandbox)
                .setParameter("running", DrillState.RUNNING).getResultList();
    }

    /** A page of drills, newest first (the id breaks ties), of one relationship (by name) when it is given. */
    public static Page<Drill> newestFirst(String relationshipName, PageRequest page) {
        KeysetQuery query = KeysetQuery.newestFirst("requestedAt", "id").whereEqual("relationshipName",
                        relationshipName)
                .after(Keyset.after(page, UUID::fromString));
        return Page.of(Drill.<Drill>find(query.jpql(), query.parameters()).page(0, page.limit() + 1).list(), page,
                drill -> Keyset.key(drill.requestedAt, drill.id));
    }

    /** The newest finished drill of each relationship and kind: what the drill metrics show. */
    public static List<Drill> lastFinishedPerRelationshipAndKind() {
        return list("from Drill d where d.state <> ?1 and d.finishedAt = (select max(o.finishedAt) from Drill o "
                + "where o.relationshipId = d.relationshipId and o.kind = d.kind and o.state <> ?1)",
                DrillState.RUNNING);
    }

    /** The newest passed drill of each relationship and kind. */
    public static List<Drill> lastPassedPerRelationshipAndKind() {
        return list("from Drill d where d.state = ?1 and d.finishedAt = (select max(o.finishedAt) from Drill o "
                + "where o.relationshipId = d.relationshipId and o.kind = d.kind and o.state = ?1)",
                DrillState.PASSED);
    }

    public boolean isRunning() {
        return state == DrillState.RUNNING;
    }

    /** A step of the task was reported; a step already on the timeline is kept as first seen. */
    public void recordStep(String step, int percent, Instant at) {
        if (timeline.stream().anyMatch(known -> known.step().equals(step))) {
            return;
        }
        List<TimelineStep> steps = new ArrayList<>(timeline);
        steps.add(new TimelineStep(step, percent, at.toString()));
        timeline = steps;
    }

    /** The task ended: the drill keeps its verdict and releases its sandbox port and folder. */
    public void finish(DrillVerdict verdict, Instant at) {
        state = verdict.passed() ? DrillState.PASSED : DrillState.FAILED;
        reasons = new ArrayList<>(verdict.reasons());
        finishedAt = at;
    }
}
