package io.drsuite.relationship.rest;

import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.task.TaskResult;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered cluster as the API shows it: everything but the passwords, with its local synchronous standbys and
 * the operation running inside it (null when none) or the last one that ended.
 */
public record ClusterView(UUID id, String name, String serverVersion, int majorVersion, String systemIdentifier,
        List<Node> nodes, Login adminLogin, Login replicationLogin, Instant registeredAt,
        SynchronousStandbys synchronousStandbys, Operation operation, LastOperation lastOperation) {

    public record Node(String name, String host, int port, String dataDirectory, NodeRole role, Access access) {
    }

    public record Access(HostAccessKind kind, String osUser, String sshHost, Integer sshPort, String sshUser,
            String sshKeyRef) {
    }

    public record Login(String username) {
    }

    /** A commit waits until {@code count} of {@code nodes} have it; 0: none. */
    public record SynchronousStandbys(int count, List<String> nodes) {
    }

    /**
     * The operation running inside the cluster.
     *
     * @param node the node it promotes, rebuilds or adds (null for a failover that lets the task choose)
     */
    public record Operation(UUID taskId, String type, String node, String step, int percent, Instant startedAt) {
    }

    /** @param result {@code succeeded}, {@code failed} or {@code cancelled} */
    public record LastOperation(UUID taskId, String type, TaskResult result, String error, Instant endedAt) {
    }

    static ClusterView of(Cluster cluster) {
        return new ClusterView(cluster.id, cluster.name, cluster.serverVersion, cluster.majorVersion,
                cluster.systemIdentifier, cluster.nodes.stream().map(ClusterView::node).toList(),
                new Login(cluster.adminUsername), new Login(cluster.replicationUsername), cluster.registeredAt,
                new SynchronousStandbys(cluster.syncStandbyCount, cluster.synchronousStandbyNodes()),
                cluster.hasOperationRunning() ? new Operation(cluster.operationTaskId, cluster.operationType,
                        cluster.operationNode, cluster.operationStep, cluster.operationPercent,
                        cluster.operationStartedAt) : null,
                cluster.lastOperationTaskId == null ? null : new LastOperation(cluster.lastOperationTaskId,
                        cluster.lastOperationType, cluster.lastOperationResult, cluster.lastOperationError,
                        cluster.lastOperationEndedAt));
    }

    private static Node node(ClusterNodeEntity node) {
        return new Node(node.name, node.host, node.port, node.dataDirectory, node.role,
                new Access(node.accessKind, node.osUser, node.sshHost, node.sshPort, node.sshUser, node.sshKeyRef));
    }
}
