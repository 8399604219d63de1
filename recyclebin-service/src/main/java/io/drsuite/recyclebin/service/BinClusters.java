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

    public NodeSession open(KnownCluster cluster, String database) {
        try {
            return sessions.open(cluster, database);
        } catch (SQLException e) {
            throw problem(cluster, database, e);
        }
    }

    /** What the managed database said, as the caller's problem. */
    public static ProblemException problem(KnownCluster cluster, String database, SQLException e) {
        if ("3D000".equals(e.getSQLState())) {
            return ProblemException.unprocessable("unknown-database", "Unknown database", "cluster '" + cluster.name
                    + "' has no database '" + database + "'");
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return ProblemException.unprocessable("cluster-unreachable", "Cluster does not answer", "the main node "
                    + "of cluster '" + cluster.name + "' could not be reached (" + e.getSQLState() + ")");
        }
        return ProblemException.conflict("database-refused", "database '" + database + "' of cluster '"
                + cluster.name + "' refused: " + e.getMessage());
    }

    public static ProblemException problem(BinRefusal refusal) {
        return switch (refusal.reason()) {
            case NOT_FOUND -> ProblemException.unprocessable("unknown-object", "No such object", refusal.getMessage());
            case CONFLICT -> ProblemException.conflict("bin-conflict", refusal.getMessage());
            case NOT_SUPPORTED -> ProblemException.unprocessable("not-supported", "Not supported",
                    refusal.getMessage());
        };
    }
}
