package io.drsuite.relationship.service;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.host.HostExecutors;
import io.drsuite.clusterclient.host.PostgresTools;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.platform.secrets.SealedSecretRefusedException;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.relationship.config.RelationshipConfig;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.ClusterNodeEntity;
import io.drsuite.events.cluster.NodeRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/** Opens a registered cluster's logins and reaches its nodes: SQL sessions and host executors. */
@ApplicationScoped
public class ClusterAccess {

    private final SecretSealer sealer;
    private final RelationshipConfig config;
    private final NodeConnector connector;
    private final HostExecutors executors;

    ClusterAccess(SecretSealer sealer, RelationshipConfig config) {
        this.sealer = sealer;
        this.config = config;
        this.connector = new NodeConnector(config.probe().connectTimeout(), config.probe().queryTimeout(),
                "drsuite-relationship-service");
        this.executors = new HostExecutors(Path.of(config.hosts().sshKeyDirectory()),
                Path.of(config.hosts().sshKnownHosts()), config.probe().connectTimeout());
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

    /** The node registered as primary: the primary while production, the main standby while DR. */
    public static ClusterNodeEntity mainNode(Cluster cluster) {
        return cluster.nodes.stream().filter(node -> node.role == NodeRole.PRIMARY).findFirst()
                .orElseThrow(() -> new IllegalStateException("cluster " + cluster.name + " has no main node"));
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
        return PostgresTools.forMajorVersion(config.hosts().binTemplate(), cluster.majorVersion);
    }
}
