package io.drsuite.recyclebin.service;

import io.drsuite.access.ClusterSessions;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.ReconnectBackoff;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.SealedLogin;
import io.drsuite.recyclebin.service.BinClusters.SessionWork;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The sessions {@link BinSyncSessions} keeps to the databases of one cluster, all on the main node it had and with
 * the admin login it had when they were opened, and the backoff of the databases that could not be reached.
 */
final class ClusterSyncSessions {

    /** Where sessions go: a cluster whose main node or admin login changed gets new sessions. */
    record Target(String host, int port, SealedLogin adminLogin) {

        static Target of(KnownCluster cluster) {
            ClusterNode main = cluster.mainNode();
            return new Target(main.host(), main.port(), cluster.adminLogin);
        }
    }

    private static final Logger LOG = Logger.getLogger(ClusterSyncSessions.class);

    private final Target target;
    private final ClusterSessions sessions;
    private final long maxBackoffPasses;
    private final int maxKept;
    private final AtomicInteger openSessions;
    private final LongSupplier currentPass;
    private final Map<String, NodeSession> open = new HashMap<>();
    private final Map<String, ReconnectBackoff> failing = new HashMap<>();

    ClusterSyncSessions(Target target, ClusterSessions sessions, long maxBackoffPasses, int maxKept,
            AtomicInteger openSessions, LongSupplier currentPass) {
        this.target = target;
        this.sessions = sessions;
        this.maxBackoffPasses = maxBackoffPasses;
        this.maxKept = maxKept;
        this.openSessions = openSessions;
        this.currentPass = currentPass;
    }

    Target target() {
        return target;
    }

    /**
     * Runs the work on the database's kept session. A kept session that fails (ended by a restart, a terminate or
     * a dropped database) is closed and one new session is tried at once, unless the database is backing off; a
     * new session that fails is closed too, and the database backs off. A new session is kept while the cluster has
     * fewer than {@code maxKept}, else closed after the work.
     */
    <T> T read(KnownCluster cluster, String database, SessionWork<T> work) throws SQLException {
        NodeSession kept = open.remove(database);
        if (kept != null) {
            try {
                // on a standby, a rename replayed from the primary leaves the sessions in the renamed database
                if (database.equals(currentDatabase(kept))) {
                    T result = work.run(kept);
                    open.put(database, kept);
                    return result;
                }
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("Kept session to %s/%s failed, opening another: %s", cluster.name, database,
                        e.getMessage());
            }
            close(kept);
        }
        ReconnectBackoff backoff = failing.get(database);
        if (backoff != null && !backoff.mayConnect(currentPass.getAsLong())) {
            throw new SQLException("not tried again yet after " + backoff.failures() + " failed attempts", "08001");
        }
        NodeSession fresh = null;
        try {
            fresh = sessions.open(cluster, database);
            openSessions.incrementAndGet();
            T result = work.run(fresh);
            failing.remove(database);
            if (open.size() < maxKept) {
                open.put(database, fresh);
            } else {
                close(fresh);
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (fresh != null) {
                close(fresh);
            }
            failing.computeIfAbsent(database, name -> new ReconnectBackoff(maxBackoffPasses))
                    .failed(currentPass.getAsLong());
            throw e;
        }
    }

    /** Closes the sessions of databases that are no longer there, and forgets their backoff. */
    void keepOnly(Collection<String> databases) {
        open.entrySet().removeIf(session -> {
            if (databases.contains(session.getKey())) {
                return false;
            }
            close(session.getValue());
            return true;
        });
        failing.keySet().retainAll(databases);
    }

    /**
     * The cluster's databases could not be listed from {@code database}: its node is likely down, so every session
     * is closed, and only the listing backs off (the others start afresh when it answers again).
     */
    void listingFailed(String database) {
        closeAll();
        failing.keySet().retainAll(Set.of(database));
    }

    void closeAll() {
        open.values().forEach(this::close);
        open.clear();
    }

    private void close(NodeSession session) {
        session.close();
        openSessions.decrementAndGet();
    }

    private static String currentDatabase(NodeSession session) throws SQLException {
        try (Statement statement = session.connection().createStatement();
                ResultSet row = statement.executeQuery("select current_database()")) {
            row.next();
            return row.getString(1);
        }
    }
}
