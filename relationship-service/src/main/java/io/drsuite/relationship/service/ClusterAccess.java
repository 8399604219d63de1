package io.drsuite.relationship.service;

import io.drsuite.clusterclient.ClusterClients;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.host.HostExecutors;
import io.drsuite.clusterclient.host.PostgresTools;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.platform.secrets.SealedSecretRefusedException;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens a registered cluster's logins and reaches its nodes for registration and relationship checks: SQL sessions
 * and host executors with the {@code drsuite.clusters.probe.*} timeouts.
 */
@ApplicationScoped
public class ClusterAccess {

    private final SecretSealer sealer;
    private final ClusterClients clients;
    private final NodeConnector connector;
    private final HostExecutors executors;

    ClusterAccess(SecretSealer sealer, ClusterClients clients) {
        this.sealer = sealer;
        this.clients = clients;
        this.connector = clients.probeConnector();
        this.executors = clients.probeHostExecutors();
    }

    public Login admin(Cluster cluster) {
        return new Login(cluster.adminUsername,
                open(cluster, cluster.adminPasswordSealed, SecretBinding.adminPassword(cluster.id)));
    }

    public Login replication(Cluster cluster) {
        return new Login(cluster.replicationUsername,
                open(cluster, cluster.replicationPasswordSealed, SecretBinding.replicationPassword(cluster.id)));
    }

    /** A stored password that is not this cluster's (moved from another row, or altered) is never used. */
    private String open(Cluster cluster, String sealed, SecretBinding binding) {
        try {
            return sealer.open(sealed, binding);
        } catch (SealedSecretRefusedException e) {
            throw ProblemException.unprocessable("sealed-secret-refused", "Stored password refused",
                    "the stored " + binding.field().label() + " of cluster '" + cluster.name + "' is refused: "
                            + e.getMessage());
        }
    }

    public static NodeEndpoint endpoint(ClusterNodeEntity node) {
        return new NodeEndpoint(node.name, node.host, node.port);
    }

    public NodeConnector connector() {
        return connector;
    }

    public HostExecutors executors() {
        return executors;
    }

    public PostgresTools tools(Cluster cluster) {
        return clients.tools(cluster.majorVersion);
    }
}
