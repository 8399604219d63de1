package io.drsuite.platform.node;

import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.platform.validation.Names;
import io.drsuite.platform.validation.NetworkHost;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A node as a request names it: one of a cluster being registered (its role is discovered, not declared), or a node
 * a restore creates.
 */
public record NodeRegistration(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String name,
        @NotNull @NetworkHost String host,
        @NotNull @Min(1) @Max(65535) Integer port,
        @NotNull @Pattern(regexp = Names.ABSOLUTE_PATH, message = Names.ABSOLUTE_PATH_RULE) String dataDirectory,
        @NotNull @Valid HostAccessRegistration access) {

    public String address() {
        return host + ":" + port;
    }

    public ClusterNode asNode(NodeRole role) {
        return new ClusterNode(name, host, port, dataDirectory, role, access.hostAccess());
    }
}
