package io.drsuite.relationship.service;

import io.drsuite.clusterclient.ClusterClients;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.clusterclient.sql.ReplicationConnection;
import io.drsuite.events.task.DrTasks;
import io.drsuite.relationship.config.RelationshipConfig;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.Relationship;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a relationship's lag live from its primary and its DR main standby. Where to read is loaded from the
 * registry in a control-plane transaction ({@link #source}); the reading itself happens after it, with short
 * timeouts, so a hanging cluster never holds a control-plane connection. Queries read through a small pool of their
 * own ({@link #readForQuery}), so a burst of page refreshes against a dead primary waits on nothing else and
 * answers "unknown" in bounded time.
 */
@ApplicationScoped
public class ReplicationLagReader {

    /** Both main nodes of a relationship and their admin logins, loaded so they can be read outside a transaction. */
    public record Source(String relationshipName, String primaryCluster, NodeEndpoint primary, Login primaryLogin,
            String drCluster, NodeEndpoint dr, Login drLogin) {
    }

    private final ClusterAccess access;
    private final NodeConnector live;
    private final Duration answerWithin;
    private final ThreadPoolExecutor pool;

    ReplicationLagReader(ClusterAccess access, ClusterClients clients, RelationshipConfig config) {
        this.access = access;
        RelationshipConfig.LiveReads settings = config.liveReads();
        this.live = clients.liveReadConnector();
        this.answerWithin = settings.answerWithin();
        this.pool = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.concurrency()), Thread.ofPlatform().daemon().name("lag-read-", 0)
                        .factory(), new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Where to read the relationship's lag; empty when one of its clusters is no longer registered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Source> source(Relationship relationship) {
        Optional<Cluster> primary = Cluster.findByName(relationship.primaryCluster);
        Optional<Cluster> dr = Cluster.findByName(relationship.drCluster);
        if (primary.isEmpty() || dr.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Source(relationship.name, relationship.primaryCluster,
                ClusterAccess.endpoint(primary.get().mainNode()), access.admin(primary.get()),
                relationship.drCluster, ClusterAccess.endpoint(dr.get().mainNode()),
                access.admin(dr.get())));
    }

    /**
     * For a query: the lag if it can be read within the configured time and a reading slot is free, otherwise
     * unknown (with the reason). The reading goes on in the background until its own timeouts end it.
     */
    public ReplicationLag readForQuery(Source source) {
        Future<ReplicationLag> reading;
        try {
            reading = pool.submit(() -> read(source, live));
        } catch (RejectedExecutionException busy) {
            return ReplicationLag.unreadable("unknown: too many live readings in progress");
        }
        try {
            return reading.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            return ReplicationLag.unreadable("unknown: the clusters did not answer within " + answerWithin.toMillis()
                    + " ms");
        } catch (ExecutionException e) {
            return ReplicationLag.unreadable("unknown: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReplicationLag.unreadable("unknown: interrupted");
        }
    }

    /**
     * Reads on the caller's thread with the probe timeouts, for a decision (may a switchover start?) rather than a
     * page; the caller holds no control-plane transaction.
     */
    public ReplicationLag read(Source source) {
        return read(source, access.connector());
    }

    private static ReplicationLag read(Source source, NodeConnector connector) {
        String applicationName = DrTasks.slotName(source.relationshipName());
        Lsn written;
        Double seconds;
        try (NodeSession session = connector.open(source.primary(), source.primaryLogin())) {
            written = session.currentLsn();
            seconds = session.replicationConnection(applicationName).map(ReplicationConnection::replayLagSeconds)
                    .orElse(null);
        } catch (SQLException e) {
            return ReplicationLag.unreadable("primary " + source.primaryCluster() + ": " + e.getMessage());
        }
        try (NodeSession session = connector.open(source.dr(), source.drLogin())) {
            boolean streaming = session.walReceiver().streaming();
            Optional<Lsn> replayed = session.replayLsn();
            Long bytes = replayed.map(written::bytesAfter).orElse(null);
            Double lagSeconds = bytes != null && bytes == 0 ? Double.valueOf(0) : seconds;
            return new ReplicationLag(bytes, lagSeconds, streaming, Instant.now(), null);
        } catch (SQLException e) {
            return ReplicationLag.unreadable("DR cluster " + source.drCluster() + ": " + e.getMessage());
        }
    }

    /** Whether the primary's main node answers within the live-read timeouts and is not in recovery. */
    public boolean primaryAnswersAsPrimary(Source source) {
        try (NodeSession session = live.open(source.primary(), source.primaryLogin())) {
            return !session.inRecovery();
        } catch (SQLException unreachable) {
            return false;
        }
    }
}
