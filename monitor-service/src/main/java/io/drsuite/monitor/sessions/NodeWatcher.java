package io.drsuite.monitor.sessions;

import io.drsuite.clusterclient.ReconnectBackoff;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.health.NodeHealthReader;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Watches one node: holds its monitoring session between polls, reads it when asked, backs off while it does not
 * answer, and never starts a read while the previous one still runs. The session is touched only by the read in
 * flight, or by {@link #retire()} when none is.
 */
final class NodeWatcher {

    private static final Logger LOG = Logger.getLogger(NodeWatcher.class);

    private final WatchedNode node;
    private final NodeConnector connector;
    private final MonitorLogins logins;
    private final WatcherMetrics metrics;
    private final ReconnectBackoff backoff;
    private final Duration loginRetry;
    private final LongSupplier currentPoll;
    private NodeSession session;
    private SessionLogin sessionLogin;
    private Instant monitorRefusedUntil = Instant.MIN;
    private String lastError;
    private boolean inFlight;
    private boolean retired;
    private NodeHealth latest;

    NodeWatcher(WatchedNode node, NodeConnector connector, MonitorLogins logins, WatcherMetrics metrics,
            long maxBackoffPolls, Duration loginRetry, LongSupplier currentPoll) {
        this.node = node;
        this.connector = connector;
        this.logins = logins;
        this.metrics = metrics;
        this.backoff = new ReconnectBackoff(maxBackoffPolls);
        this.loginRetry = loginRetry;
        this.currentPoll = currentPoll;
    }

    WatchedNode node() {
        return node;
    }

    /**
     * This poll's read of the node: started on {@code executor}; at once the node's last error while it backs off;
     * null when the previous read still runs (the poll of this node is skipped).
     */
    synchronized CompletableFuture<NodeHealth> poll(long poll, Executor executor) {
        if (inFlight || retired) {
            return null;
        }
        if (session == null && !backoff.mayConnect(poll)) {
            latest = NodeHealth.unreachable(node.cluster(), node.node(), lastError);
            return CompletableFuture.completedFuture(latest);
        }
        inFlight = true;
        return CompletableFuture.supplyAsync(() -> finish(read()), executor);
    }

    /** What the latest read found; null before the first ends. */
    synchronized NodeHealth latest() {
        return latest;
    }

    /** Whether the session held is the admin login's. */
    synchronized boolean onAdminLogin() {
        return !inFlight && session != null && !sessionLogin.monitorRole();
    }

    /** An operation moved the node's cluster: a node that was down during it is tried at the next poll again. */
    synchronized void tryAtNextPoll() {
        backoff.reset();
    }

    /** The node left the watched set: its session is closed now, or by the read in flight when it ends. */
    synchronized void retire() {
        retired = true;
        if (!inFlight) {
            closeSession();
        }
    }

    private synchronized NodeHealth finish(NodeHealth health) {
        inFlight = false;
        latest = health;
        if (retired) {
            closeSession();
        }
        return health;
    }

    private NodeHealth read() {
        long started = System.nanoTime();
        try {
            SessionLogin wanted = wantedLogin();
            if (session != null && !sessionLogin.equals(wanted)) {
                closeSession();
            }
            if (session != null) {
                try {
                    return readOverSession();
                } catch (SQLException e) {
                    closeSession();
                    if (!connectionLost(e)) {
                        return failed(e.getMessage());
                    }
                    // The kept session was cut (the server restarted, the backend was ended): this poll's one
                    // connect attempt opens a new one.
                }
            }
            open(wanted);
            return readOverSession();
        } catch (SQLException | RuntimeException e) {
            closeSession();
            return failed(e.getMessage());
        } finally {
            metrics.nodeRead(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private NodeHealth readOverSession() throws SQLException {
        if (!sessionLogin.monitorRole() && logins.claimLook(node)) {
            logins.look(node, session);
        }
        NodeHealth health = NodeHealthReader.read(node.cluster(), node.node(), session, sessionLogin.username());
        backoff.succeeded();
        lastError = null;
        return health;
    }

    private SessionLogin wantedLogin() {
        SessionLogin wanted = logins.loginFor(node);
        return wanted.monitorRole() && Instant.now().isBefore(monitorRefusedUntil) ? logins.adminLogin(node)
                : wanted;
    }

    /**
     * Opens the session. A node that refuses the monitoring role's login is polled with the admin login for a while
     * (it is alive: this is not a second attempt at a dead node).
     */
    private void open(SessionLogin wanted) throws SQLException {
        metrics.connectAttempt(node.cluster());
        try {
            keep(connector.open(node.endpoint(), wanted.login()), wanted);
        } catch (SQLException e) {
            if (!wanted.monitorRole() || !loginRefused(e)) {
                throw e;
            }
            monitorRefusedUntil = Instant.now().plus(loginRetry);
            logins.refused(node);
            LOG.warnf("The %s refused the login of the monitoring role %s (%s): it is polled with the admin login "
                    + "for %s", node, MonitorRole.NAME, e.getMessage(), loginRetry);
            SessionLogin admin = logins.adminLogin(node);
            metrics.connectAttempt(node.cluster());
            keep(connector.open(node.endpoint(), admin.login()), admin);
        }
    }

    private void keep(NodeSession opened, SessionLogin login) {
        session = opened;
        sessionLogin = login;
        metrics.sessionOpened();
    }

    /** The next attempt is counted from the poll the failure ends in, which a slow failure may be past its start. */
    private NodeHealth failed(String error) {
        backoff.failed(currentPoll.getAsLong());
        lastError = error;
        return NodeHealth.unreachable(node.cluster(), node.node(), error);
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
            sessionLogin = null;
            metrics.sessionClosed();
        }
    }

    /** A broken connection rather than an answer: connection errors and the server's shutdown. */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }

    /** Authentication refused: a wrong password, or no pg_hba.conf line lets the role in. */
    private static boolean loginRefused(SQLException e) {
        return "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState());
    }
}
