package io.drsuite.events.cluster;

import static io.drsuite.events.Require.nonEmpty;
import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered cluster's nodes changed: a node switchover or failover moved the primary role (the node now
 * {@link NodeRole#PRIMARY} is the cluster's main node), or a node was added or removed. Carries the whole node list,
 * which replaces the one a projection holds.
 */
@RegisterForReflection
public record ClusterChanged(UUID clusterId, String name, List<ClusterNode> nodes, Instant changedAt) {

    public ClusterChanged {
        present(clusterId, "clusterId");
        text(name, "name");
        nodes = nonEmpty(nodes, "nodes");
        present(changedAt, "changedAt");
    }
}
