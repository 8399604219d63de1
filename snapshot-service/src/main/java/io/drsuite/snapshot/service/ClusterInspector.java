package io.drsuite.snapshot.service;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.host.QualifiedName;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.platform.secrets.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a registered cluster's main node what a request depends on (does the database exist, do the tables), so a
 * request that cannot work is refused at once instead of failing later as a task.
 */
@ApplicationScoped
public class ClusterInspector {

    private final SecretSealer sealer;
    private final NodeConnector connector = new NodeConnector(Duration.ofSeconds(3), Duration.ofSeconds(10),
            "drsuite-snapshot-service");

    ClusterInspector(SecretSealer sealer) {
        this.sealer = sealer;
    }

    public boolean databaseExists(KnownCluster cluster, String database) {
        try (NodeSession session = open(cluster, "postgres")) {
            return session.databaseExists(database);
        } catch (SQLException e) {
            throw unreachable(cluster, e);
        }
    }

    /** The tables of the list that do not exist in the database. */
    public List<QualifiedName> missingTables(KnownCluster cluster, String database, List<QualifiedName> tables) {
        try (NodeSession session = open(cluster, database)) {
            List<QualifiedName> missing = new ArrayList<>();
            for (QualifiedName table : tables) {
                if (!session.tableExists(table.schema(), table.name())) {
                    missing.add(table);
                }
            }
            return missing;
        } catch (SQLException e) {
            throw unreachable(cluster, e);
        }
    }

    public static ClusterNode mainNode(KnownCluster cluster) {
        return cluster.nodes.stream().filter(node -> node.role() == NodeRole.PRIMARY).findFirst()
                .orElse(cluster.nodes.getFirst());
    }

    private NodeSession open(KnownCluster cluster, String database) throws SQLException {
        ClusterNode main = mainNode(cluster);
        return connector.open(new NodeEndpoint(main.name(), main.host(), main.port()),
                new Login(cluster.adminLogin.username(), sealer.open(cluster.adminLogin.sealedPassword())), database);
    }

    private static ProblemException unreachable(KnownCluster cluster, SQLException e) {
        return ProblemException.unprocessable("cluster-unreachable", "Cluster does not answer",
                "the main node of cluster '" + cluster.name + "' could not be asked (" + e.getSQLState() + ")");
    }
}
