package io.drsuite.recyclebin.service;

import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.catalog.ownership.ClusterOwnership;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.recyclebin.bin.BinRecord;
import io.drsuite.recyclebin.bin.BinLedger;
import io.drsuite.recyclebin.model.BinEntry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads the bin's records in every database of the registered clusters this replica watches (replicas divide them,
 * {@link ClusterOwnership}; on a DR cluster, the replicated records) and
 * brings this service's entries in line: a record it does not know (recycled with {@code recycle_table()} from
 * psql, replicated from a primary, or left by a failure between the managed database's commit and this service's)
 * becomes an entry; an entry whose record is gone from a database that was read ended, restored if the same record
 * was restored elsewhere (on the primary), else purged. The databases are read over sessions kept from one pass to
 * the next ({@link BinSyncSessions}).
 */
@ApplicationScoped
public class BinSync {

    private static final Logger LOG = Logger.getLogger(BinSync.class);

    private final ClusterCatalog catalog;
    private final ClusterOwnership ownership;
    private final BinSyncSessions sessions;
    private final BinLedger ledger;
    private final BinAnnouncer announcer;
    private final Timer passes;
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();

    BinSync(ClusterCatalog catalog, ClusterOwnership ownership, BinSyncSessions sessions, BinLedger ledger,
            BinAnnouncer announcer, MeterRegistry registry) {
        this.catalog = catalog;
        this.ownership = ownership;
        this.sessions = sessions;
        this.ledger = ledger;
        this.announcer = announcer;
        this.passes = Timer.builder("drsuite_recyclebin_sync_duration")
                .description("Time of one pass of the bin's sync over the clusters it reads")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @Scheduled(every = "${drsuite.recyclebin.sync-interval}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void synchronize() {
        passes.record(() -> {
            List<KnownCluster> clusters = clustersToSync();
            sessions.passBegins(clusters);
            for (KnownCluster cluster : clusters) {
                try {
                    synchronize(cluster);
                } catch (SQLException | RuntimeException e) {
                    // unreachable, or a login this service cannot open: the next pass tries again
                    LOG.debugf("Bin of cluster %s not read: %s", cluster.name, e.getMessage());
                }
            }
        });
    }

    /** The clusters a pass reads: those this replica watches. */
    List<KnownCluster> clustersToSync() {
        return catalog.clusters().stream().filter(cluster -> ownership.owns(cluster.id)).toList();
    }

    void synchronize(KnownCluster cluster) throws SQLException {
        // The entries known before the databases are read: an entry is recorded only after its record committed in
        // the managed database, so each of these has its record there unless it left the bin. An entry recorded
        // while the databases are read may have its record committed after that database was read: it waits for
        // the next pass.
        List<BinEntry> known = QuarkusTransaction.requiringNew().call(() -> BinEntry.recycledIn(cluster.name));
        Set<String> readDatabases = new HashSet<>();
        Set<UUID> present = new HashSet<>();
        for (String database : sessions.databases(cluster, session -> databases(cluster, session))) {
            try {
                for (BinRecord record : sessions.read(cluster, database, ledger::records)) {
                    present.add(record.id());
                    discovered(cluster.name, record.objectDatabase(database), record);
                }
                readDatabases.add(database);
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("Bin of %s/%s not read: %s", cluster.name, database, e.getMessage());
            }
        }
        for (BinEntry entry : known) {
            if (readDatabases.contains(entry.recordDatabase()) && !present.contains(entry.entryId)) {
                QuarkusTransaction.requiringNew().run(() -> BinEntry.lockedIfRecycled(entry.id).ifPresent(this::ended));
            }
        }
    }

    private void discovered(String cluster, String database, BinRecord record) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (BinEntry.find(cluster, record.id()).isPresent()) {
                    return;
                }
                if (!record.bin().equals(record.binName())) {
                    LOG.warnf("The bin record %s of %s/%s names bin '%s', not %s, the name the suite gives it: it "
                            + "was written by hand; the suite acts only on %s", record.id(), cluster, database,
                            record.binName(), record.bin(), record.bin());
                }
                BinEntry entry = BinEntry.of(cluster, database, record, BinEntry.findById(record.id()) == null);
                entry.persist();
                announcer.announce(entry);
                LOG.infof("Found %s %s in the bin of %s/%s", entry.kind.wireName(), entry.originalName, cluster,
                        database);
            });
        } catch (RuntimeException raced) {
            // the API recorded the same entry at the same moment: it is there either way
        }
    }

    private void ended(BinEntry entry) {
        if (BinEntry.restoredAnywhere(entry.entryId)) {
            entry.setAsRestored(null);
        } else {
            entry.setAsPurged();
        }
        announcer.announce(entry);
        LOG.infof("%s %s of %s/%s left the bin (%s)", entry.kind.wireName(), entry.originalName, entry.cluster,
                entry.database, entry.state.wireName());
    }

    /**
     * Databases that accept connections; a recycled database is closed and its record is in {@code postgres}. Any
     * name is used as it is (it goes to the driver as a property, never into a URL), except one whose bytes did not
     * decode (a {@code SQL_ASCII} cluster): it could not name its database in a connection.
     */
    private List<String> databases(KnownCluster cluster, NodeSession session) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = session.connection().createStatement();
                ResultSet rows = statement.executeQuery(
                        "select datname from pg_database where datallowconn and not datistemplate order by oid")) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (undecodable(name)) {
                    if (skipped.add(cluster.name)) {
                        LOG.warnf("Cluster %s has a database whose name is not valid UTF-8: the bin sync skips it",
                                cluster.name);
                    }
                } else {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static boolean undecodable(String name) {
        return name.indexOf('\uFFFD') >= 0 || name.indexOf('\0') >= 0;
    }
}
