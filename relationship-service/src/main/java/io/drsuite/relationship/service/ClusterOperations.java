package io.drsuite.relationship.service;

import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.RebuildMode;
import io.drsuite.platform.node.NodeRegistration;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import io.drsuite.relationship.model.ClusterOperation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Accepts operations inside one cluster (node switchover, failover, rebuild, adding and removing a node) under the
 * rules of DR operations ({@link ClusterAdmission}). Each accepted operation becomes a task request; its outcome
 * comes back as task events ({@link ClusterFolding}).
 */
@ApplicationScoped
public class ClusterOperations {

    private static final Logger LOG = Logger.getLogger(ClusterOperations.class);

    private final ClusterOperationTasks tasks;
    private final ClusterAccess access;

    ClusterOperations(ClusterOperationTasks tasks, ClusterAccess access) {
        this.tasks = tasks;
        this.access = access;
    }

    /** A cluster with the task that was started for it. */
    public record Accepted(Cluster cluster, UUID taskId) {
    }

    /** Planned swap of the primary and {@code toNode}, without data loss. */
    @Transactional
    public Accepted switchover(String clusterName, String toNode) {
        ClusterAdmission admission = ClusterAdmission.of(clusterName);
        admission.standby(toNode, "toNode");
        return start(admission, ClusterOperation.SWITCHOVER, toNode, Map.of(ClusterTasks.TO_NODE, toNode));
    }

    /** The primary is lost: promote {@code toNode}, or (null) the standby that has received the most WAL. */
    @Transactional
    public Accepted failover(String clusterName, String toNode) {
        return failover(ClusterAdmission.of(clusterName), toNode, false);
    }

    /**
     * A failover the automatic local failover policy asked for, in the caller's transaction (which records the
     * request in the inbox); a refusal leaves that transaction to commit.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public Accepted automaticFailover(UUID clusterId, String toNode) {
        return failover(ClusterAdmission.of(clusterId), toNode, true);
    }

    private Accepted failover(ClusterAdmission admission, String toNode, boolean automatic) {
        admission.requireStandbys();
        Map<String, String> parameters = new HashMap<>();
        if (toNode != null) {
            admission.standby(toNode, "toNode");
            parameters.put(ClusterTasks.TO_NODE, toNode);
        }
        if (automatic) {
            parameters.put(ClusterTasks.AUTOMATIC, "true");
        }
        return start(admission, ClusterOperation.FAILOVER, toNode, parameters);
    }

    /** Rebuilds a standby, or turns a former primary into one. */
    @Transactional
    public Accepted rebuild(String clusterName, String nodeName, RebuildMode mode) {
        ClusterAdmission admission = ClusterAdmission.of(clusterName);
        if (admission.node(nodeName).role == NodeRole.PRIMARY) {
            throw ProblemException.unprocessable("node-is-primary", "Node is the primary", "node '" + nodeName
                    + "' is the primary of cluster '" + clusterName + "'; only a standby can be rebuilt (switch "
                    + "over first)");
        }
        return start(admission, ClusterOperation.REBUILD_NODE, nodeName,
                Map.of(ClusterTasks.NODE, nodeName, ClusterTasks.REBUILD_MODE, mode.wireName()));
    }

    /**
     * Resumes the cluster's last operation, whose task failed without rolling back, at its failed step; the
     * cluster follows it as it would a new one.
     *
     * @param byAdmin whether the caller has the admin role, which a failed failover needs to go on
     */
    @Transactional
    public Accepted resume(String clusterName, boolean byAdmin) {
        ClusterAdmission admission = ClusterAdmission.of(clusterName);
        Cluster cluster = admission.cluster();
        ClusterOperation operation = cluster.resumableOperation().orElseThrow(() -> ProblemException.conflict(
                "nothing-to-resume", "cluster '" + clusterName + "' has no failed operation that can be resumed"
                        + (cluster.lastOperationTaskId == null ? "" : " (its last task, " + cluster.lastOperationTaskId
                                + ", ended " + cluster.lastOperationResult.wireName() + (cluster.lastOperationRolledBack
                                        ? " and was rolled back" : "") + ")")));
        if (operation.adminOnly() && !byAdmin) {
            throw new ForbiddenException("Resuming the failed " + operation.wireName() + " of cluster '"
                    + clusterName + "' needs the admin role, as starting one does.");
        }
        UUID taskId = tasks.resume(cluster);
        cluster.nodes.size();
        LOG.infof("Cluster %s: task %s (%s) resumed", clusterName, taskId, operation.taskType());
        return new Accepted(cluster, taskId);
    }

    /**
     * Registers a node as a standby (not probed: it is not built yet) and requests its build from the primary, in
     * one transaction with the new node list.
     */
    @Transactional
    public Accepted addNode(String clusterName, NodeRegistration request) {
        ClusterAdmission admission = ClusterAdmission.of(clusterName);
        Cluster cluster = admission.cluster();
        if (cluster.node(request.name()).isPresent()) {
            throw ProblemException.conflict("node-exists", "cluster '" + clusterName + "' already has a node named '"
                    + request.name() + "'");
        }
        ClusterRegistry.requireUnusedAddress(request);
        cluster.addNode(ClusterRegistry.node(request, NodeRole.STANDBY));
        try {
            Cluster.getEntityManager().flush();
        } catch (ConstraintViolationException raced) {
            throw ProblemException.conflict("node-registered", "node " + request.address()
                    + " was registered at the same time");
        }
        tasks.announce(cluster);
        Accepted accepted = start(admission, ClusterOperation.ADD_NODE, request.name(),
                Map.of(ClusterTasks.NODE, request.name()));
        LOG.infof("Cluster %s: node %s (%s) registered as a standby, to be built", clusterName, request.name(),
                request.address());
        return accepted;
    }

    /**
     * Removes a standby from the registry; no other node is touched. Its replication slot on the primary is then
     * dropped if nobody uses it (best effort: a slot that cannot be dropped now is only logged).
     */
    public Cluster removeNode(String clusterName, String nodeName) {
        record Removed(Cluster cluster, ClusterNodeEntity primary) {
        }
        Removed removed = QuarkusTransaction.requiringNew().call(() -> {
            ClusterAdmission admission = ClusterAdmission.of(clusterName);
            Cluster cluster = admission.cluster();
            ClusterNodeEntity node = admission.node(nodeName);
            if (node.role == NodeRole.PRIMARY) {
                throw ProblemException.conflict("node-is-primary", "node '" + nodeName + "' is the primary of cluster '"
                        + clusterName + "'; switch over to another node before removing it");
            }
            if (cluster.synchronousStandbyNodes().contains(nodeName)) {
                throw ProblemException.conflict("node-is-synchronous", "node '" + nodeName + "' is listed in the "
                        + "synchronous standbys of cluster '" + clusterName + "'; change the setting first");
            }
            cluster.removeNode(node);
            tasks.announce(cluster);
            cluster.nodes.size();
            return new Removed(cluster, cluster.mainNode());
        });
        dropSlot(removed.cluster(), removed.primary(), ClusterTasks.standbyName(nodeName));
        LOG.infof("Cluster %s: node %s removed from the registry", clusterName, nodeName);
        return removed.cluster();
    }

    private void dropSlot(Cluster cluster, ClusterNodeEntity primary, String slot) {
        try (NodeSession session = access.connector().open(ClusterAccess.endpoint(primary), access.admin(cluster))) {
            if (!session.inRecovery() && !session.dropSlotIfInactive(slot)) {
                LOG.warnf("Cluster %s: slot %s on %s is in use and was kept", cluster.name, slot, primary.name);
            }
        } catch (SQLException | ProblemException e) {
            LOG.warnf("Cluster %s: slot %s on %s was not dropped: %s", cluster.name, slot, primary.name,
                    e.getMessage());
        }
    }

    private Accepted start(ClusterAdmission admission, ClusterOperation operation, String node,
            Map<String, String> parameters) {
        UUID taskId = tasks.request(admission, operation, node, parameters);
        LOG.infof("Cluster %s: %s requested%s, task %s", admission.cluster().name, operation.wireName(),
                node == null ? "" : " for node " + node, taskId);
        return new Accepted(admission.cluster(), taskId);
    }
}
