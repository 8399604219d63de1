package io.drsuite.recyclebin.service;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.recyclebin.bin.BinFunctions;
import io.drsuite.recyclebin.bin.BinNames;
import io.drsuite.recyclebin.model.SqlInstall;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Retention per cluster and the optional SQL functions and guard in managed databases. */
@ApplicationScoped
public class BinSettings {

    private static final Logger LOG = Logger.getLogger(BinSettings.class);
    private static final Duration SHORTEST_RETENTION = Duration.ofSeconds(1);

    private final BinClusters clusters;
    private final BinRetentions retentions;
    private final BinFunctions functions;

    BinSettings(BinClusters clusters, BinRetentions retentions, BinFunctions functions) {
        this.clusters = clusters;
        this.retentions = retentions;
        this.functions = functions;
    }

    /** Applies to objects recycled from now on; what is in the bin keeps the expiry it got. */
    public Duration setRetention(String clusterName, Duration retention) {
        if (retention.compareTo(SHORTEST_RETENTION) < 0) {
            throw ProblemException.badRequest("retention", "retention must be at least one second");
        }
        KnownCluster cluster = clusters.writable(clusterName);
        retentions.store(clusterName, retention);
        List<SqlInstall> installs = QuarkusTransaction.requiringNew().call(() -> SqlInstall.ofCluster(clusterName));
        for (SqlInstall install : installs) {
            try (NodeSession session = clusters.open(cluster, install.database)) {
                functions.updateRetention(session, retention);
            } catch (SQLException | ProblemException e) {
                LOG.warnf("recycle_table() in %s/%s keeps its old retention until reinstalled: %s", clusterName,
                        install.database, e.getMessage());
            }
        }
        return retention;
    }

    public Duration retention(String cluster) {
        return retentions.retention(cluster);
    }

    public SqlInstall install(String clusterName, String database, List<String> guardedSchemas) {
        KnownCluster cluster = clusters.writable(clusterName);
        for (String schema : guardedSchemas) {
            if (BinNames.isSystemSchema(schema)) {
                throw ProblemException.badRequest("guardSchemas", "schema '" + schema + "' belongs to the system or "
                        + "to the recycle bin itself");
            }
        }
        Duration retention = retentions.retention(clusterName);
        clusters.useSession(cluster, database, session -> functions.install(session, retention, guardedSchemas));
        return QuarkusTransaction.requiringNew().call(() -> {
            SqlInstall install = SqlInstall.of(clusterName, database).orElseGet(() -> {
                SqlInstall created = new SqlInstall();
                created.id = UUID.randomUUID();
                created.cluster = clusterName;
                created.database = database;
                return created;
            });
            install.guardedSchemas = guardedSchemas.toArray(String[]::new);
            install.installedAt = Instant.now();
            install.persist();
            return install;
        });
    }

    public void uninstall(String clusterName, String database) {
        KnownCluster cluster = clusters.writable(clusterName);
        clusters.useSession(cluster, database, functions::uninstall);
        QuarkusTransaction.requiringNew().run(() -> SqlInstall.delete("cluster = ?1 and database = ?2", clusterName,
                database));
    }
}
