package io.drsuite.task.dr;

import io.drsuite.clusterclient.Login;
import java.util.List;

/** A registered cluster with its logins opened for the length of a step. */
public record ManagedCluster(String name, int majorVersion, List<ManagedNode> nodes, Login admin, Login replication) {

    /** The node registered as primary: the primary of a production cluster, the main standby of a DR cluster. */
    public ManagedNode main() {
        return nodes.stream().filter(ManagedNode::isMain).findFirst()
                .orElseThrow(() -> new IllegalStateException("cluster " + name + " has no main node"));
    }

    /** Every node but the main one: local standbys, cascaded standbys on the DR side. */
    public List<ManagedNode> others() {
        return nodes.stream().filter(node -> !node.isMain()).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
