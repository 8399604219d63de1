package io.drsuite.relationship.model;

import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.task.TaskResult;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A registered PostgreSQL cluster: a primary and its local standbys, with the logins the suite uses on it.
 */
@Entity
@Table(name = "cluster")
public class Cluster extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "server_version", nullable = false)
    public String serverVersion;

    @Column(name = "major_version", nullable = false)
    public int majorVersion;

    /** pg_control's system identifier, shared by a primary and every standby built from it. */
    @Column(name = "system_identifier", nullable = false)
    public String systemIdentifier;

    @Column(name = "admin_username", nullable = false)
    public String adminUsername;

    @Column(name = "admin_password_sealed", nullable = false)
    public String adminPasswordSealed;

    @Column(name = "replication_username", nullable = false)
    public String replicationUsername;

    @Column(name = "replication_password_sealed", nullable = false)
    public String replicationPasswordSealed;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** The task of the operation running inside the cluster (switchover, failover, rebuild, add), if any. */
    @Column(name = "operation_task_id")
    public UUID operationTaskId;

    @Column(name = "operation_type")
    public String operationType;

    /** The node the running operation promotes, rebuilds or adds (a failover may name none). */
    @Column(name = "operation_node")
    public String operationNode;

    @Column(name = "operation_step")
    public String operationStep;

    @Column(name = "operation_percent")
    public int operationPercent;

    @Column(name = "operation_started_at")
    public Instant operationStartedAt;

    @Column(name = "last_operation_task_id")
    public UUID lastOperationTaskId;

    @Column(name = "last_operation_type")
    public String lastOperationType;

    @Column(name = "last_operation_node")
    public String lastOperationNode;

    /** How the last operation's task ended. */
    @Enumerated(EnumType.STRING)
    @Column(name = "last_operation_result")
    public TaskResult lastOperationResult;

    @Column(name = "last_operation_error")
    public String lastOperationError;

    @Column(name = "last_operation_rolled_back", nullable = false)
    public boolean lastOperationRolledBack;

    @Column(name = "last_operation_ended_at")
    public Instant lastOperationEndedAt;

    /** How many of {@link #synchronousStandbyNodes()} a commit waits for; 0: none. */
    @Column(name = "sync_standby_count", nullable = false)
    public int syncStandbyCount;

    /** Node names separated by commas. */
    @Column(name = "sync_standby_nodes", nullable = false)
    public String syncStandbyNodes = "";

    @OneToMany(mappedBy = "cluster", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ClusterNodeEntity> nodes = new ArrayList<>();

    public static Optional<Cluster> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** The cluster, its row locked until the transaction ends: operations on one cluster are decided one by one. */
    public static Optional<Cluster> findByNameForUpdate(String name) {
        return find("name", name).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<Cluster> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A page of the registry in name order (names are unique), after the name the request continues from. */
    public static Page<Cluster> pageByName(PageRequest page) {
        PanacheQuery<Cluster> query = page.after() == null ? find("order by name")
                : find("name > ?1 order by name", page.after());
        return Page.of(query.page(0, page.limit() + 1).list(), page, cluster -> cluster.name);
    }

    /**
     * The node registered as primary (registration accepts exactly one): the primary while the cluster is
     * production, the main standby while it is the DR side.
     */
    public ClusterNodeEntity mainNode() {
        return nodes.stream().filter(node -> node.role == NodeRole.PRIMARY).findFirst()
                .orElseThrow(() -> new IllegalStateException("cluster " + name + " has no main node"));
    }

    public Optional<ClusterNodeEntity> node(String nodeName) {
        return nodes.stream().filter(node -> node.name.equals(nodeName)).findFirst();
    }

    public void addNode(ClusterNodeEntity node) {
        node.cluster = this;
        node.position = nodes.stream().mapToInt(existing -> existing.position + 1).max().orElse(0);
        nodes.add(node);
    }

    public void removeNode(ClusterNodeEntity node) {
        nodes.remove(node);
    }

    public boolean hasOperationRunning() {
        return operationTaskId != null;
    }

    /** A task was requested for an operation inside the cluster: it runs until its finished event arrives. */
    public void startOperation(UUID taskId, ClusterOperation operation, String node) {
        operationTaskId = taskId;
        operationType = operation.taskType();
        operationNode = node;
        operationStep = null;
        operationPercent = 0;
        operationStartedAt = Instant.now();
    }

    public void progressOperation(String step, int percent) {
        operationStep = step;
        operationPercent = percent;
    }

    /** The running operation's task ended; the cluster remembers how. */
    public void finishOperation(TaskResult result, String error, boolean rolledBack, Instant at) {
        lastOperationTaskId = operationTaskId;
        lastOperationType = operationType;
        lastOperationNode = operationNode;
        lastOperationResult = result;
        lastOperationError = error;
        lastOperationRolledBack = rolledBack;
        lastOperationEndedAt = at;
        operationTaskId = null;
        operationType = null;
        operationNode = null;
        operationStep = null;
        operationPercent = 0;
        operationStartedAt = null;
    }

    /** The last operation's task failed without rolling back: it can run again from its failed step. */
    public Optional<ClusterOperation> resumableOperation() {
        if (hasOperationRunning() || lastOperationTaskId == null || lastOperationRolledBack
                || lastOperationResult != TaskResult.FAILED) {
            return Optional.empty();
        }
        return ClusterOperation.ofTaskType(lastOperationType);
    }

    /** The last operation's failed task runs again and is the running operation once more. */
    public UUID resumeOperation() {
        ClusterOperation operation = resumableOperation().orElseThrow(() -> new IllegalStateException(
                "cluster " + name + " has no operation to resume"));
        UUID taskId = lastOperationTaskId;
        startOperation(taskId, operation, lastOperationNode);
        lastOperationTaskId = null;
        lastOperationType = null;
        lastOperationNode = null;
        lastOperationResult = null;
        lastOperationError = null;
        lastOperationRolledBack = false;
        lastOperationEndedAt = null;
        return taskId;
    }

    /**
     * {@code nodeName} is the primary now and every other node a standby. Returns false when it already was, so
     * folding the same outcome twice changes nothing.
     */
    public boolean movePrimaryTo(String nodeName) {
        ClusterNodeEntity promoted = node(nodeName).orElseThrow(() -> new IllegalArgumentException(
                "cluster " + name + " has no node " + nodeName));
        if (promoted.role == NodeRole.PRIMARY) {
            return false;
        }
        for (ClusterNodeEntity node : nodes) {
            node.role = node == promoted ? NodeRole.PRIMARY : NodeRole.STANDBY;
        }
        return true;
    }

    /** The local standbys that may be synchronous, in the order given. */
    public List<String> synchronousStandbyNodes() {
        return syncStandbyNodes == null || syncStandbyNodes.isEmpty() ? List.of()
                : List.of(syncStandbyNodes.split(","));
    }

    public void setSynchronousStandbys(int count, List<String> nodeNames) {
        syncStandbyCount = count;
        syncStandbyNodes = String.join(",", nodeNames);
    }
}
