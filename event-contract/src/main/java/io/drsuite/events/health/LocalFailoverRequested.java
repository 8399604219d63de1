package io.drsuite.events.health;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * monitor-service's automatic local failover policy asks relationship-service to fail a cluster over to one of its
 * own standbys, as a user would with {@code POST /api/v1/clusters/{name}/failover}.
 *
 * @param toNode the standby the policy chose (the one that had received the most WAL)
 * @param reason what the policy saw
 */
@RegisterForReflection
public record LocalFailoverRequested(UUID clusterId, String clusterName, String toNode, String reason,
        Instant requestedAt) {

    public LocalFailoverRequested {
        present(clusterId, "clusterId");
        text(clusterName, "clusterName");
        text(toNode, "toNode");
        text(reason, "reason");
        present(requestedAt, "requestedAt");
    }
}
