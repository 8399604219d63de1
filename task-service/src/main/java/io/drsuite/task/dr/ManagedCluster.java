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

    @Override
    public String toString() {
        return name;
    }
}
