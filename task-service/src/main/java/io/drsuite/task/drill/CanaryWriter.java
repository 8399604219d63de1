package io.drsuite.task.drill;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.HostSpec;

/**
 * Commits a canary row every {@link #INTERVAL} through a session with whichever of the relationship's main nodes is
 * primary now ({@link NodeConnector#openPrimaryOf}), as a client that follows the primary does, and notes in the
 * {@link CanaryLedger} each commit the server acknowledged. A failed attempt drops the session; the next one
 * connects again, to the primary of that moment.
 */
final class CanaryWriter implements Runnable {

    static final String SCHEMA = "drsuite_drill";
    static final String TABLE = SCHEMA + ".canary";
    static final Duration INTERVAL = Duration.ofMillis(20);

    private static final Logger LOG = Logger.getLogger(CanaryWriter.class);

    private final NodeConnector connector;
    private final List<NodeEndpoint> nodes;
    private final Login login;
    private final UUID drillId;
    private final CanaryLedger ledger;
    private volatile boolean stopped;
    private long next;
    private NodeSession session;

    CanaryWriter(NodeConnector connector, List<NodeEndpoint> nodes, Login login, UUID drillId, long firstNumber,
            CanaryLedger ledger) {
        this.connector = connector;
        this.nodes = List.copyOf(nodes);
        this.login = login;
        this.drillId = drillId;
        this.next = firstNumber;
        this.ledger = ledger;
    }

    CanaryLedger ledger() {
        return ledger;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                attempt(next++);
                Thread.sleep(INTERVAL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            disconnect();
        }
    }

    private void attempt(long number) {
        try {
            if (session == null) {
                session = connector.openPrimaryOf(nodes, login, "postgres");
            }
            try (PreparedStatement insert = session.connection().prepareStatement(
                    "insert into " + TABLE + " (drill_id, n) values (?, ?)")) {
                insert.setObject(1, drillId);
                insert.setLong(2, number);
                insert.executeUpdate();
            }
            ledger.acknowledged(number, Instant.now(), server(session));
        } catch (SQLException e) {
            ledger.failed();
            LOG.debugf("canary commit %d of drill %s failed: %s", number, drillId, e.getMessage());
            disconnect();
        }
    }

    /** {@code host:port} of the server the session reached (pgjdbc tried the hosts in turn). */
    static String server(NodeSession session) throws SQLException {
        HostSpec host = session.connection().unwrap(BaseConnection.class).getQueryExecutor().getHostSpec();
        return host.getHost() + ":" + host.getPort();
    }

    static String server(NodeEndpoint node) {
        return node.host() + ":" + node.port();
    }

    private void disconnect() {
        if (session != null) {
            try {
                session.close();
            } catch (Exception e) {
                LOG.debugf("closing the canary's session: %s", e.getMessage());
            }
            session = null;
        }
    }
}
