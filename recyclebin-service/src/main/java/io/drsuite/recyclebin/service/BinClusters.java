package io.drsuite.recyclebin.service;

import io.drsuite.access.ClusterSessions;
import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.recyclebin.bin.BinRefusal;
import io.drsuite.recyclebin.config.RecycleBinConfig;
import io.drsuite.relationships.KnownRelationship;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The clusters the bin works on, the rule that a DR cluster's read-only copy is not changed, and the translation
 * of what a managed database answers into problems for the caller.
 */
@ApplicationScoped
public class BinClusters {

    /** SQLSTATE {@code invalid_catalog_name}: the database named in the connection does not exist. */
    private static final String UNKNOWN_DATABASE = "3D000";
    /** SQLSTATE class {@code 08}: connection exceptions. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private final ClusterCatalog catalog;
    private final ClusterSessions sessions;
    private final RecycleBinConfig config;

    BinClusters(ClusterCatalog catalog, ClusterSessions sessions, RecycleBinConfig config) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.config = config;
    }

    /** A registered cluster whose bin may change: not the DR side of a relationship that holds it. */
    public KnownCluster writable(String name) {
        KnownCluster cluster = catalog.awaitCluster(name, config.catalogWait()).orElseThrow(() -> ProblemException
                .unprocessable("unknown-cluster", "Unknown cluster", "no cluster named '" + name + "' is registered"));
        drRelationship(name).ifPresent(relationship -> {
            throw ProblemException.conflict("dr-cluster", "cluster '" + name + "' is the DR cluster (a read-only copy)"
                    + " of relationship '" + relationship.name + "' (" + relationship.phase + "); recycle on its "
                    + "primary '" + relationship.primaryCluster + "': the bin's record replicates here");
        });
        return cluster;
    }

    /** The relationship in which the cluster is the DR side, if any. */
    public Optional<KnownRelationship> drRelationship(String cluster) {
        return KnownRelationship.holding(cluster).filter(relationship -> relationship.isDrSide(cluster));
    }

    /** Work on a session of one database of a managed cluster. */
    @FunctionalInterface
    public interface SessionWork<T> {
        T run(NodeSession session) throws SQLException;
    }

    /** A change through a session of one database of a managed cluster. */
    @FunctionalInterface
    public interface SessionChange {
        void run(NodeSession session) throws SQLException;
    }

    public NodeSession open(KnownCluster cluster, String database) {
        try {
            return sessions.open(cluster, database);
        } catch (SQLException e) {
            throw problem(cluster, database, e);
        }
    }

    /**
     * Runs the work on a session of the cluster's database, closed after it; what the database answers with (an
     * error, or a refusal of the bin) becomes the caller's problem.
     */
    public <T> T withSession(KnownCluster cluster, String database, SessionWork<T> work) {
        try (NodeSession session = open(cluster, database)) {
            return work.run(session);
        } catch (BinRefusal refusal) {
            throw problem(refusal);
        } catch (SQLException e) {
            throw problem(cluster, database, e);
        }
    }

    public void useSession(KnownCluster cluster, String database, SessionChange change) {
        withSession(cluster, database, session -> {
            change.run(session);
            return null;
        });
    }

    /** What the managed database said, as the caller's problem. */
    private static ProblemException problem(KnownCluster cluster, String database, SQLException e) {
        if (UNKNOWN_DATABASE.equals(e.getSQLState())) {
            return ProblemException.unprocessable("unknown-database", "Unknown database", "cluster '" + cluster.name
                    + "' has no database '" + database + "'");
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
            return ProblemException.unprocessable("cluster-unreachable", "Cluster does not answer", "the main node "
                    + "of cluster '" + cluster.name + "' could not be reached (" + e.getSQLState() + ")");
        }
        return ProblemException.conflict("database-refused", "database '" + database + "' of cluster '"
                + cluster.name + "' refused: " + e.getMessage());
    }

    private static ProblemException problem(BinRefusal refusal) {
        return switch (refusal.reason()) {
            case NOT_FOUND -> ProblemException.unprocessable("unknown-object", "No such object", refusal.getMessage());
            case CONFLICT -> ProblemException.conflict("bin-conflict", refusal.getMessage());
            case NOT_SUPPORTED -> ProblemException.unprocessable("not-supported", "Not supported",
                    refusal.getMessage());
        };
    }
}
