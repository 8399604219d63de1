package io.drsuite.recyclebin.service;

import io.drsuite.access.ClusterSessions;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.recyclebin.config.RecycleBinConfig;
import io.drsuite.recyclebin.service.BinClusters.SessionWork;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The sessions {@link BinSync} keeps open between its passes, one per database of each cluster it reads, so a pass
 * costs a query per database instead of a login per database (a new backend and a full SCRAM handshake each time),
 * up to {@code drsuite.recyclebin.sync-sessions-per-cluster} sessions per cluster (each takes a connection slot).
 * A session is closed when its database is no longer listed, when its cluster is no longer read here (removed, or
 * read by another replica) or has another main node or admin login, and after any error. A database that cannot be
 * reached backs off, counted in passes ({@link io.drsuite.clusterclient.ReconnectBackoff}, up to
 * {@code drsuite.recyclebin.sync-backoff-max}); a cluster whose databases cannot be listed is not read at all, so a
 * dead node costs at most one connection attempt per pass.
 */
@ApplicationScoped
public class BinSyncSessions {

    /** The database every cluster has: its databases are listed there, and the records of recycled databases. */
    static final String LISTING_DATABASE = "postgres";

    private final ClusterSessions sessions;
    private final long maxBackoffPasses;
    private final int maxKeptPerCluster;
    private final AtomicInteger openSessions = new AtomicInteger();
    private final Map<UUID, ClusterSyncSessions> clusters = new HashMap<>();
    /** The passes begun so far: what the backoff counts in. */
    private long pass;

    BinSyncSessions(ClusterSessions sessions, RecycleBinConfig config, MeterRegistry registry) {
        this.sessions = sessions;
        this.maxBackoffPasses = Math.ceilDiv(config.syncBackoffMax().toMillis(),
                Math.max(1, config.syncInterval().toMillis()));
        this.maxKeptPerCluster = config.syncSessionsPerCluster();
        Gauge.builder("drsuite_recyclebin_sync_sessions", openSessions, AtomicInteger::get)
                .description("Sessions the bin's sync keeps open to managed databases between its passes")
                .register(registry);
    }

    /** A pass begins: it is counted, and the sessions of the clusters not read here any more are closed. */
    public synchronized void passBegins(Collection<KnownCluster> read) {
        pass++;
        Set<UUID> ids = read.stream().map(cluster -> cluster.id).collect(Collectors.toSet());
        clusters.entrySet().removeIf(cluster -> {
            if (ids.contains(cluster.getKey())) {
                return false;
            }
            cluster.getValue().closeAll();
            return true;
        });
    }

    /**
     * The cluster's databases as the listing finds them over the session to {@link #LISTING_DATABASE}; the
     * sessions of databases no longer listed are closed. When the listing fails, all the cluster's sessions are.
     */
    public synchronized List<String> databases(KnownCluster cluster, SessionWork<List<String>> listing)
            throws SQLException {
        ClusterSyncSessions kept = of(cluster);
        List<String> databases;
        try {
            databases = kept.read(cluster, LISTING_DATABASE, listing);
        } catch (SQLException | RuntimeException e) {
            kept.listingFailed(LISTING_DATABASE);
            throw e;
        }
        kept.keepOnly(databases);
        return databases;
    }

    /** Runs the work on the kept session of one of the cluster's databases, opened when there is none. */
    public synchronized <T> T read(KnownCluster cluster, String database, SessionWork<T> work) throws SQLException {
        return of(cluster).read(cluster, database, work);
    }

    @PreDestroy
    synchronized void closeAll() {
        clusters.values().forEach(ClusterSyncSessions::closeAll);
        clusters.clear();
    }

    private ClusterSyncSessions of(KnownCluster cluster) {
        ClusterSyncSessions.Target target = ClusterSyncSessions.Target.of(cluster);
        ClusterSyncSessions kept = clusters.get(cluster.id);
        if (kept != null && !kept.target().equals(target)) {
            kept.closeAll();
            kept = null;
        }
        if (kept == null) {
            kept = new ClusterSyncSessions(target, sessions, maxBackoffPasses, maxKeptPerCluster,
                    openSessions, () -> pass);
            clusters.put(cluster.id, kept);
        }
        return kept;
    }
}
