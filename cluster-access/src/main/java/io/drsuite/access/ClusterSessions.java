package io.drsuite.access;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SQL sessions to a known cluster's main node (the primary of a production cluster, the main standby of a DR
 * cluster) with its admin login, opened from the sealed login the registration carried.
 */
@ApplicationScoped
public class ClusterSessions {

    private final SecretSealer sealer;
    private final NodeConnector connector;

    ClusterSessions(SecretSealer sealer,
            @ConfigProperty(name = "drsuite.cluster-sessions.connect-timeout", defaultValue = "3s") Duration connect,
            @ConfigProperty(name = "drsuite.cluster-sessions.statement-timeout", defaultValue = "30s")
            Duration statement,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.sealer = sealer;
        this.connector = new NodeConnector(connect, statement, "drsuite-" + application);
    }

    public NodeSession open(KnownCluster cluster, String database) throws SQLException {
        ClusterNode main = mainNode(cluster);
        return connector.open(new NodeEndpoint(main.name(), main.host(), main.port()), adminLogin(cluster), database);
    }

    public Login adminLogin(KnownCluster cluster) {
        return new Login(cluster.adminLogin.username(), sealer.open(cluster.adminLogin.sealedPassword(),
                SecretBinding.adminPassword(cluster.id)));
    }

    public static ClusterNode mainNode(KnownCluster cluster) {
        return cluster.nodes.stream().filter(node -> node.role() == NodeRole.PRIMARY).findFirst()
                .orElse(cluster.nodes.getFirst());
    }
}
