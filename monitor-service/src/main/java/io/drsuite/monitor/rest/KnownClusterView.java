package io.drsuite.monitor.rest;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.events.cluster.NodeRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cluster as monitor-service knows it from the registry's events.
 */
public record KnownClusterView(UUID id, String name, String serverVersion, int majorVersion, List<Node> nodes,
        Instant registeredAt) {

    public record Node(String name, String host, int port, NodeRole role) {
    }

    static KnownClusterView of(KnownCluster cluster) {
        return new KnownClusterView(cluster.id, cluster.name, cluster.serverVersion, cluster.majorVersion,
                cluster.nodes.stream().map(n -> new Node(n.name(), n.host(), n.port(), n.role())).toList(),
                cluster.registeredAt);
    }
}
