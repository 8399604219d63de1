package io.drsuite.relationship.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
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

    @Column(name = "primary_state", nullable = false)
    public String primaryState;

    @Column(name = "dr_state", nullable = false)
    public String drState;

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

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "estimated_data_loss_bytes")
    public Long estimatedDataLossBytes;

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

    public static List<Relationship> listByName() {
        return list("order by name");
    }

    public boolean hasTaskInFlight() {
        return currentTaskId != null;
    }

    /** A task was requested for this relationship; it is in flight until its finished event arrives. */
    public void startTask(UUID taskId, String type, RelationshipPhase during) {
        currentTaskId = taskId;
        currentTaskType = type;
        currentStep = null;
        taskPercent = 0;
        lastError = null;
        phase = during;
        touch();
    }

    public void endTask(RelationshipPhase after) {
        currentTaskId = null;
        currentTaskType = null;
        currentStep = null;
        phase = after;
        touch();
    }

    public void setStates(String primary, String dr) {
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
