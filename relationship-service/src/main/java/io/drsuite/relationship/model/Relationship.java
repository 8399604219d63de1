package io.drsuite.relationship.model;

import io.drsuite.events.relationship.ClusterState;
import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.events.relationship.SyncMode;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A DR relationship: a primary cluster and the DR cluster replicating it. The request (clusters, sync mode, timeout)
 * and the observed state (phase, per-cluster states, current task) live side by side; the state changes only
 * through the methods below, called when task events are folded in.
 */
@Entity
@Table(name = "relationship")
public class Relationship extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "primary_cluster", nullable = false)
    public String primaryCluster;

    @Column(name = "dr_cluster", nullable = false)
    public String drCluster;

    @Enumerated(EnumType.STRING)
    @Column(name = "sync_mode", nullable = false)
    public SyncMode syncMode;

    @Column(name = "timeout_seconds", nullable = false)
    public int timeoutSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RelationshipPhase phase;

    @Convert(converter = ClusterStateConverter.class)
    @Column(name = "primary_state", nullable = false)
    public ClusterState primaryState;

    @Convert(converter = ClusterStateConverter.class)
    @Column(name = "dr_state", nullable = false)
    public ClusterState drState;

    @Column(name = "current_task_id")
    public UUID currentTaskId;

    @Column(name = "current_task_type")
    public String currentTaskType;

    @Column(name = "current_step")
    public String currentStep;

    @Column(name = "task_percent")
    public int taskPercent;

    @Column(name = "switchover_percent")
    public Integer switchoverPercent;

    @Column(name = "failover_percent")
    public Integer failoverPercent;

    @Column(name = "last_task_id")
    public UUID lastTaskId;

    @Column(name = "last_task_type")
    public String lastTaskType;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_task_outcome")
    public TaskOutcome lastTaskOutcome;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "estimated_data_loss_bytes")
    public Long estimatedDataLossBytes;

    @Column(name = "rpo_objective_seconds")
    public Integer rpoObjectiveSeconds;

    @Column(name = "rto_objective_seconds")
    public Integer rtoObjectiveSeconds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Relationship> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    public static Optional<Relationship> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** A page of the relationships in name order (names are unique), after the name the request continues from. */
    public static Page<Relationship> pageByName(PageRequest page) {
        PanacheQuery<Relationship> query = page.after() == null ? find("order by name")
                : find("name > ?1 order by name", page.after());
        return Page.of(query.page(0, page.limit() + 1).list(), page, relationship -> relationship.name);
    }

    public boolean hasTaskInFlight() {
        return currentTaskId != null;
    }

    /**
     * A task was requested for this relationship: it is in flight until its finished event arrives, and the
     * relationship takes the operation's phase and starting states.
     */
    public void startTask(UUID taskId, RelationshipOperation operation) {
        currentTaskId = taskId;
        currentTaskType = operation.taskType();
        currentStep = null;
        taskPercent = 0;
        lastError = null;
        lastTaskId = null;
        lastTaskType = null;
        lastTaskOutcome = null;
        phase = operation.during();
        setStates(operation.startingStates().primaryFrom(primaryState),
                operation.startingStates().drFrom(drState));
    }

    /** The task in flight ended: the relationship goes where the outcome leads and remembers the task. */
    public void finishTask(TaskOutcome outcome, String error) {
        if (outcome.swapsRoles()) {
            swapRoles();
        }
        lastTaskId = currentTaskId;
        lastTaskType = currentTaskType;
        lastTaskOutcome = outcome;
        lastError = error;
        currentTaskId = null;
        currentTaskType = null;
        currentStep = null;
        phase = outcome.phase();
        setStates(outcome.primaryState(), outcome.drState());
    }

    /** The last task failed and was not undone, so it can be resumed through the relationship. */
    public Optional<RelationshipOperation> resumableOperation() {
        if (hasTaskInFlight() || !phase.isResumable() || lastTaskId == null || lastTaskOutcome == null
                || !lastTaskOutcome.isResumable()) {
            return Optional.empty();
        }
        return RelationshipOperation.ofTaskType(lastTaskType);
    }

    /**
     * The failed task runs again and is in flight once more. It resumes with the roles it was started with, so
     * a swap its failure made is undone here (its success swaps them again).
     */
    public UUID resumeTask() {
        RelationshipOperation operation = resumableOperation().orElseThrow(() -> new IllegalStateException(
                "relationship " + name + " has no task to resume"));
        if (lastTaskOutcome.swapsRoles()) {
            swapRoles();
        }
        UUID taskId = lastTaskId;
        currentTaskId = taskId;
        currentTaskType = lastTaskType;
        currentStep = null;
        lastTaskId = null;
        lastTaskType = null;
        lastTaskOutcome = null;
        lastError = null;
        phase = operation.during();
        setStates(operation.startingStates().primaryFrom(primaryState),
                operation.startingStates().drFrom(drState));
        return taskId;
    }

    /** A stop after a failover: nothing streams, the relationship ends as a stop task would end it. */
    public void release() {
        phase = TaskOutcome.STOPPED.phase();
        setStates(TaskOutcome.STOPPED.primaryState(), TaskOutcome.STOPPED.drState());
    }

    public void setStates(ClusterState primary, ClusterState dr) {
        primaryState = primary;
        drState = dr;
        touch();
    }

    /** The DR cluster takes the primary role and the former primary the DR role. */
    public void swapRoles() {
        String formerPrimary = primaryCluster;
        primaryCluster = drCluster;
        drCluster = formerPrimary;
        touch();
    }

    public void touch() {
        updatedAt = Instant.now();
    }
}
