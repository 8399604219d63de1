package io.drsuite.task.dr;

import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.host.HostExecutor;
import io.drsuite.clusterclient.host.NodeFiles;
import io.drsuite.clusterclient.host.PostgresTools;
import io.drsuite.events.cluster.ClusterNode;

/**
 * A node of a managed cluster with the means to reach it: its SQL endpoint, its host executor and its PostgreSQL
 * programs.
 */
public record ManagedNode(ClusterNode registered, NodeEndpoint endpoint, HostExecutor executor, PostgresTools tools) {

    public String name() {
        return registered.name();
    }

    public String host() {
        return registered.host();
    }

    public String dataDirectory() {
        return registered.dataDirectory();
    }

    public NodeFiles files() {
        return new NodeFiles(executor);
    }

    /** Next to the data directory: where the server's output goes when the suite starts it. */
    public String logFile() {
        return dataDirectory() + ".log";
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
