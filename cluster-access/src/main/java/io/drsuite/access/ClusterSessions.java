package io.drsuite.access;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.ClusterClients;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;

/**
 * SQL sessions to a known cluster's main node with its admin login, opened from the sealed login the registration
 * carried, with the timeouts of {@code drsuite.clusters.*}.
 */
@ApplicationScoped
public class ClusterSessions {

    private final SecretSealer sealer;
    private final NodeConnector connector;

    ClusterSessions(SecretSealer sealer, ClusterClients clients) {
        this.sealer = sealer;
        this.connector = clients.connector();
    }

    public NodeSession open(KnownCluster cluster, String database) throws SQLException {
        ClusterNode main = cluster.mainNode();
        return connector.open(new NodeEndpoint(main.name(), main.host(), main.port()), adminLogin(cluster), database);
    }

    public Login adminLogin(KnownCluster cluster) {
        return new Login(cluster.adminLogin.username(), sealer.open(cluster.adminLogin.sealedPassword(),
                SecretBinding.adminPassword(cluster.id)));
    }
}
