package io.drsuite.task.dr;

import io.drsuite.clusterclient.Login;
import java.util.List;

/**
 * A registered cluster with its logins opened for the length of a step.
 *
 * @param main the known cluster's {@code mainNode()}: the primary of a production cluster, the main standby of a DR
 *        cluster
 */
public record ManagedCluster(String name, int majorVersion, List<ManagedNode> nodes, ManagedNode main, Login admin,
        Login replication) {

    /** Every node but the main one: local standbys, cascaded standbys on the DR side. */
    public List<ManagedNode> others() {
        return nodes.stream().filter(node -> node != main).toList();
    }

    /** The same cluster with {@code nodeName} as its main node (the one a task was requested for). */
    public ManagedCluster withMain(String nodeName) {
        ManagedNode named = nodes.stream().filter(node -> node.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("cluster " + name + " has no node " + nodeName));
        return new ManagedCluster(name, majorVersion, nodes, named, admin, replication);
    }

    @Override
    public String toString() {
        return name;
    }
}
