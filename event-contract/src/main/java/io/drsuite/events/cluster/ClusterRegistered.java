package io.drsuite.events.cluster;

import static io.drsuite.events.Require.nonEmpty;
import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A PostgreSQL cluster was registered: its nodes as discovered at registration and its logins, whose passwords are
 * sealed with the suite's secret key (never in clear).
 */
@RegisterForReflection
public record ClusterRegistered(
        UUID clusterId,
        String name,
        String serverVersion,
        int majorVersion,
        List<ClusterNode> nodes,
        SealedLogin adminLogin,
        SealedLogin replicationLogin,
        Instant registeredAt) {

    public ClusterRegistered {
        present(clusterId, "clusterId");
        text(name, "name");
        text(serverVersion, "serverVersion");
        nodes = nonEmpty(nodes, "nodes");
        present(adminLogin, "adminLogin");
        present(replicationLogin, "replicationLogin");
        present(registeredAt, "registeredAt");
    }
}
