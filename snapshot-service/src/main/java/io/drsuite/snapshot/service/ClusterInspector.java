package io.drsuite.snapshot.service;

import io.drsuite.access.ClusterSessions;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.host.QualifiedName;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a registered cluster's main node what a request depends on (does the database exist, do the tables), so a
 * request that cannot work is refused at once instead of failing later as a task.
 */
@ApplicationScoped
public class ClusterInspector {

    private final ClusterSessions sessions;

    ClusterInspector(ClusterSessions sessions) {
        this.sessions = sessions;
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

    /**
     * Writes a named restore point into the WAL of the cluster's main node ({@code pg_create_restore_point}), after
     * checking that node is a primary.
     */
    public CreatedRestorePoint createRestorePoint(KnownCluster cluster, String name) {
        try (NodeSession session = open(cluster, "postgres")) {
            if (session.inRecovery()) {
                throw ProblemException.unprocessable("not-primary", "Main node is not a primary", "the main node '"
                        + session.node().name() + "' of cluster '" + cluster.name + "' is in recovery; a restore "
                        + "point is written on the primary");
            }
            try (PreparedStatement statement = session.connection().prepareStatement(
                    "select pg_create_restore_point(?)::text")) {
                statement.setString(1, name);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return new CreatedRestorePoint(row.getString(1), session.timeline());
                }
            }
        } catch (SQLException e) {
            throw unreachable(cluster, e);
        }
    }

    /** Where a restore point was written: its LSN and the timeline the primary ran on. */
    public record CreatedRestorePoint(String lsn, int timeline) {
    }

    private NodeSession open(KnownCluster cluster, String database) throws SQLException {
        return sessions.open(cluster, database);
    }

    private static ProblemException unreachable(KnownCluster cluster, SQLException e) {
        return ProblemException.unprocessable("cluster-unreachable", "Cluster does not answer",
                "the main node of cluster '" + cluster.name + "' could not be asked (" + e.getSQLState() + ")");
    }
}
