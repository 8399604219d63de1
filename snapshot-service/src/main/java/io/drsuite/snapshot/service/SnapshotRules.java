package io.drsuite.snapshot.service;

import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.host.QualifiedName;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.platform.node.NodeRegistration;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationships.KnownRelationship;
import io.drsuite.snapshot.config.SnapshotConfig;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.storage.StorageLocations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What every snapshot, restore and policy request must satisfy, including the rules of DR (as GaussDB(DWS) DR): no
 * snapshot of the DR cluster of a relationship, no restore into either of its clusters, while it holds them.
 */
@ApplicationScoped
public class SnapshotRules {

    private final ClusterCatalog catalog;
    private final StorageLocations storage;
    private final ClusterInspector inspector;
    private final SnapshotConfig config;

    SnapshotRules(ClusterCatalog catalog, StorageLocations storage, ClusterInspector inspector,
            SnapshotConfig config) {
        this.catalog = catalog;
        this.storage = storage;
        this.inspector = inspector;
        this.config = config;
    }

    /**
     * The registered cluster. Registrations reach this service as events, so a cluster registered a moment ago may
     * not be known yet: wait up to {@code drsuite.snapshots.catalog-wait} before refusing.
     */
    public KnownCluster cluster(String name) {
        return catalog.awaitCluster(name, config.catalogWait()).orElseThrow(() -> ProblemException.unprocessable(
                "unknown-cluster", "Unknown cluster", "no cluster named '" + name + "' is registered"));
    }

    /** The named storage location, or the default one. */
    public String storage(String requested) {
        if (requested == null) {
            return storage.defaultName();
        }
        if (storage.find(requested).isEmpty()) {
            throw ProblemException.unprocessable("unknown-storage", "Unknown storage location", "no storage "
                    + "location named '" + requested + "'; configured: " + storage.all().keySet());
        }
        return requested;
    }

    /** Physical snapshots take the whole cluster; logical ones one database, optionally some of its tables. */
    public void scope(SnapshotKind kind, String database, List<String> tables) {
        if (kind == SnapshotKind.PHYSICAL && (database != null || !tables.isEmpty())) {
            throw ProblemException.badRequest("database", "a physical snapshot takes the whole cluster; database "
                    + "and tables are for logical snapshots");
        }
        if (kind == SnapshotKind.LOGICAL && database == null) {
            throw ProblemException.badRequest("database", "a logical snapshot needs the database to dump");
        }
    }

    /** The database and tables must exist now, or pg_dump would fail later. */
    public void sourceExists(KnownCluster cluster, String database, List<String> tables) {
        if (!inspector.databaseExists(cluster, database)) {
            throw ProblemException.unprocessable("unknown-database", "Unknown database", "cluster '" + cluster.name
                    + "' has no database '" + database + "'");
        }
        List<QualifiedName> missing = inspector.missingTables(cluster, database, qualified(tables));
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("unknown-table", "Unknown table", "database '" + database
                    + "' of cluster '" + cluster.name + "' has no table " + names(missing));
        }
    }

    /** Refused while the cluster is the DR side of a relationship: it is a read-only copy of the primary. */
    public void backupAllowed(String cluster) {
        KnownRelationship.holding(cluster).filter(relationship -> relationship.isDrSide(cluster))
                .ifPresent(relationship -> {
                    throw ProblemException.conflict("dr-cluster", "cluster '" + cluster + "' is the DR cluster of "
                            + "relationship '" + relationship.name + "' (" + relationship.phase + "); snapshots of "
                            + "a DR cluster are refused while the relationship holds it: back up the primary '"
                            + relationship.primaryCluster + "' instead");
                });
    }

    /** Refused into either cluster of a relationship that holds them: it would break or fork the DR copy. */
    public void restoreAllowed(String cluster) {
        KnownRelationship.holding(cluster).ifPresent(relationship -> {
            throw ProblemException.conflict("cluster-in-relationship", "cluster '" + cluster + "' belongs to DR "
                    + "relationship '" + relationship.name + "' (" + relationship.phase + "); restores into either "
                    + "of its clusters are refused until the relationship is stopped");
        });
    }

    /**
     * A node a restore creates needs a place of its own: no registered node on its host listens on its port or keeps
     * its data directory (host names are compared as written).
     */
    public void newNodePlace(NodeRegistration node) {
        registeredNodeAt(node.host(), node.port(), node.dataDirectory()).ifPresent(taken -> {
            throw ProblemException.conflict("node-place-in-use", taken + "; a new node needs a port and a data "
                    + "directory of its own");
        });
    }

    /** The registered node on that host's port or in that data directory, in words; empty when there is none. */
    public Optional<String> registeredNodeAt(String host, int port, String dataDirectory) {
        for (KnownCluster cluster : catalog.clusters()) {
            for (ClusterNode registered : cluster.nodes) {
                if (registered.host().equals(host) && (registered.port() == port
                        || registered.dataDirectory().equals(dataDirectory))) {
                    return Optional.of("node '" + registered.name() + "' of cluster '" + cluster.name + "' is at "
                            + registered.host() + ":" + registered.port() + " with data directory "
                            + registered.dataDirectory());
                }
            }
        }
        return Optional.empty();
    }

    /** A physical snapshot restores only onto a node of the same PostgreSQL major version. */
    public void sameMajorVersion(Snapshot snapshot, KnownCluster target) {
        if (target.majorVersion != snapshot.majorVersion) {
            throw ProblemException.unprocessable("version-mismatch", "PostgreSQL major versions differ",
                    "snapshot " + snapshot.id + " is of PostgreSQL " + snapshot.majorVersion + ", cluster '"
                            + target.name + "' runs " + target.majorVersion);
        }
    }

    /**
     * The node whose data directory a physical restore replaces: the named one, or the cluster's main node. It must
     * exist, and the caller must have said {@code replace: true}.
     */
    public ClusterNode replacedNode(KnownCluster target, String nodeName, boolean replace) {
        ClusterNode node = nodeName == null ? target.mainNode()
                : target.nodes.stream().filter(candidate -> candidate.name().equals(nodeName))
                        .findFirst().orElseThrow(() -> ProblemException.unprocessable("unknown-node",
                                "Unknown node", "cluster '" + target.name + "' has no node '" + nodeName + "'"));
        if (!replace) {
            throw ProblemException.conflict("replace-required", "restoring a physical snapshot replaces the data "
                    + "directory of node '" + node.name() + "' of cluster '" + target.name + "' ("
                    + node.dataDirectory() + "); pass replace: true");
        }
        return node;
    }

    public static List<QualifiedName> qualified(List<String> tables) {
        return tables.stream().map(QualifiedName::parse).toList();
    }

    public static String names(List<QualifiedName> tables) {
        return tables.stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
    }
}
