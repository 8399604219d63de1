package io.drsuite.task.model;

import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DrTasks;
import io.drsuite.platform.origin.ChangeOrigin;
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
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A long operation on one or more clusters, run step by step. Request (type, target, parameters) and observed state
 * (state, step, percent, error) are kept apart; state changes are the methods below.
 */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String target;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] clusters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> parameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskState state;

    @Column(name = "current_step")
    public String currentStep;

    public int percent;

    public int attempts;

    @Column(name = "timeout_seconds", nullable = false)
    public int timeoutSeconds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    public Instant deadline;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "failed_step")
    public String failedStep;

    public String error;

    @Column(name = "rolled_back")
    public boolean rolledBack;

    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    /** Who asked for it (from the token of the request behind it); null when the suite started it by itself. */
    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "correlation_id")
    public UUID correlationId;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    /**
     * Requested by relationship-service for a DR relationship: the relationship follows the task, so it is resumed
     * only through the relationship, and its deadline counts from the request.
     */
    /** The origin its steps' changes and events carry, however long after the request they run. */
    public ChangeOrigin origin() {
        return new ChangeOrigin(correlationId, requestedBy);
    }

    /** An operation inside one cluster ({@code cluster.*}), which may carry its DR relationship's parameters too. */
    public boolean belongsToCluster() {
        return type != null && type.startsWith("cluster.");
    }

    public String clusterName() {
        return parameters == null ? null : parameters.get(ClusterTasks.CLUSTER);
    }

    public boolean belongsToRelationship() {
        return relationshipId() != null;
    }

    public String relationshipId() {
        return parameters == null ? null : parameters.get(DrTasks.RELATIONSHIP_ID);
    }

    /** Failed without rolling back: every step is idempotent, so it can run again from its failed step. */
    public boolean isResumable() {
        return state == TaskState.FAILED && !rolledBack;
    }

    /** A page of tasks, newest first (the id breaks ties), of one target and in one state when they are given. */
    public static Page<Task> newestFirst(String target, TaskState state, PageRequest page) {
        KeysetQuery query = KeysetQuery.newestFirst("createdAt", "id").whereEqual("target", target)
                .whereEqual("state", state).after(Keyset.after(page, UUID::fromString));
        return Page.of(Task.<Task>find(query.jpql(), query.parameters()).page(0, page.limit() + 1).list(), page,
                task -> Keyset.key(task.createdAt, task.id));
    }

    public List<TaskStep> steps() {
        return TaskStep.list("taskId = ?1 order by position", id);
    }

    public void setAsSucceeded() {
        state = TaskState.SUCCEEDED;
        percent = 100;
        currentStep = null;
        finish();
    }

    public void setAsFailed(String step, String reason, boolean undone) {
        state = TaskState.FAILED;
        failedStep = step;
        error = reason;
        rolledBack = undone;
        finish();
    }

    public void setAsCancelled() {
        state = TaskState.CANCELLED;
        currentStep = null;
        finish();
    }

    /** Makes a failed, resumable task runnable again from its failed step. */
    public void setAsResumed() {
        state = TaskState.PENDING;
        failedStep = null;
        error = null;
        finishedAt = null;
        deadline = null;
    }

    private void finish() {
        finishedAt = Instant.now();
        leaseOwner = null;
        leaseExpiresAt = null;
    }
}
