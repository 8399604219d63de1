package io.drsuite.monitor.sessions;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.SealedLogin;
import java.util.UUID;

/**
 * A node as its watcher reaches it: where it listens and the cluster's admin login, sealed. A node whose address or
 * admin login changes is another watched node: its session is closed and a new one opened.
 */
record WatchedNode(UUID clusterId, String cluster, NodeEndpoint endpoint, SealedLogin admin) {

    static WatchedNode of(KnownCluster cluster, ClusterNode node) {
        return new WatchedNode(cluster.id, cluster.name, new NodeEndpoint(node.name(), node.host(), node.port()),
                cluster.adminLogin);
    }

    String node() {
        return endpoint.name();
    }

    /** The node of the watched set, whatever its address. */
    record Key(UUID clusterId, String node) {
    }

    Key key() {
        return new Key(clusterId, node());
    }

    @Override
    public String toString() {
        return "node " + endpoint + " of cluster " + cluster;
    }
}
