package io.drsuite.events.cluster;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One node of a registered cluster, with the role discovered when it was registered.
 */
@RegisterForReflection
public record ClusterNode(String name, String host, int port, String dataDirectory, NodeRole role,
        HostAccess access) {

    public ClusterNode {
        text(name, "node.name");
        text(host, "node.host");
        text(dataDirectory, "node.dataDirectory");
        present(role, "node.role");
        present(access, "node.access");
    }
}
