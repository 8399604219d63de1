package io.drsuite.relationship.rest;

import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered cluster as the API shows it: everything but the passwords.
 */
public record ClusterView(UUID id, String name, String serverVersion, int majorVersion, String systemIdentifier,
        List<Node> nodes, Login adminLogin, Login replicationLogin, Instant registeredAt) {

    public record Node(String name, String host, int port, String dataDirectory, NodeRole role, Access access) {
    }

    public record Access(HostAccessKind kind, String osUser, String sshHost, Integer sshPort, String sshUser,
            String sshKeyRef) {
    }

    public record Login(String username) {
    }

    static ClusterView of(Cluster cluster) {
        return new ClusterView(cluster.id, cluster.name, cluster.serverVersion, cluster.majorVersion,
                cluster.systemIdentifier, cluster.nodes.stream().map(ClusterView::node).toList(),
                new Login(cluster.adminUsername), new Login(cluster.replicationUsername), cluster.registeredAt);
    }

    private static Node node(ClusterNodeEntity node) {
        return new Node(node.name, node.host, node.port, node.dataDirectory, node.role,
                new Access(node.accessKind, node.osUser, node.sshHost, node.sshPort, node.sshUser, node.sshKeyRef));
    }
}
