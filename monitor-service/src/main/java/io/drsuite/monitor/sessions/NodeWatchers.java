package io.drsuite.monitor.sessions;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.ClusterClients;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.monitor.config.MonitorConfig;
import io.drsuite.monitor.config.MonitorInstance;
import io.drsuite.monitor.health.NodeHealth;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One watcher per watched node, each with its kept monitoring session ({@code drsuite-monitor/<instance-id>} in the
 * node's {@code pg_stat_activity}), its reconnect backoff and its read in flight. Each poll starts a read of every
 * node on its own virtual thread and waits for them at most {@code drsuite.monitor.sessions.read-wait}: nodes never
 * wait on each other, and a node whose previous read still runs is skipped and counted, not queued. A node that
 * leaves the watched set has its session closed.
 */
@ApplicationScoped
public class NodeWatchers {

    private final NodeConnector connector;
    private final MonitorLogins logins;
    private final WatcherMetrics metrics;
    private final Duration readWait;
    private final long maxBackoffPolls;
    private final Duration loginRetry;
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();
    /** Changed only by {@link #readAll}, which one poll at a time calls. */
    private Map<WatchedNode.Key, NodeWatcher> watchers = new HashMap<>();
    private volatile long polls;

    NodeWatchers(ClusterClients clients, MonitorInstance instance, MonitorLogins logins, WatcherMetrics metrics,
            MonitorConfig config) {
        this.connector = clients.pollConnector().withApplicationName(instance.applicationName())
                .connectingInCaller();
        this.logins = logins;
        this.metrics = metrics;
        Duration interval = config.pollInterval();
        this.readWait = config.sessions().readWait().orElse(interval.dividedBy(2));
        this.maxBackoffPolls = Math.max(1, config.sessions().reconnectBackoffMax().toMillis()
                / Math.max(1, interval.toMillis()));
        this.loginRetry = config.sessions().loginRecheck();
    }

    /**
     * The health of every node of the clusters, in their order: what this poll read, or, for a node whose read
     * still runs, what it last read (an unreachable node without one yet).
     */
    public synchronized List<NodeHealth> readAll(List<KnownCluster> clusters) {
        long poll = ++polls;
        List<NodeWatcher> watched = watch(clusters);
        List<CompletableFuture<NodeHealth>> started = new ArrayList<>(watched.size());
        for (NodeWatcher watcher : watched) {
            CompletableFuture<NodeHealth> read = watcher.poll(poll, reads);
            if (read == null) {
                metrics.skipped(watcher.node().cluster());
            }
            started.add(read);
        }
        long deadline = System.nanoTime() + readWait.toNanos();
        List<NodeHealth> health = new ArrayList<>(watched.size());
        Map<String, Integer> adminSessions = new LinkedHashMap<>();
        for (int i = 0; i < watched.size(); i++) {
            NodeWatcher watcher = watched.get(i);
            NodeHealth read = await(started.get(i), deadline);
            if (read == null) {
                read = watcher.latest();
            }
            if (read == null) {
                read = NodeHealth.unreachable(watcher.node().cluster(), watcher.node().node(),
                        "the first read of the node has not answered yet");
            }
            health.add(read);
            adminSessions.merge(watcher.node().cluster(), watcher.onAdminLogin() ? 1 : 0, Integer::sum);
        }
        adminSessions.forEach(metrics::adminSessions);
        return health;
    }

    /**
     * An operation moved these clusters (a relationship changed phase, a node changed role): their nodes that did not
     * answer while it ran are tried at the next poll, not after their backoff, so the outcome is seen at once.
     */
    public synchronized void tryAtNextPoll(Set<String> clusters) {
        watchers.values().stream().filter(watcher -> clusters.contains(watcher.node().cluster()))
                .forEach(NodeWatcher::tryAtNextPoll);
    }

    private List<NodeWatcher> watch(List<KnownCluster> clusters) {
        Map<WatchedNode.Key, NodeWatcher> current = new LinkedHashMap<>();
        Set<UUID> clusterIds = new HashSet<>();
        for (KnownCluster cluster : clusters) {
            clusterIds.add(cluster.id);
            for (ClusterNode clusterNode : cluster.nodes) {
                WatchedNode node = WatchedNode.of(cluster, clusterNode);
                NodeWatcher watcher = watchers.remove(node.key());
                if (watcher != null && !watcher.node().equals(node)) {
                    watcher.retire();
                    watcher = null;
                }
                current.put(node.key(), watcher != null ? watcher
                        : new NodeWatcher(node, connector, logins, metrics, maxBackoffPolls, loginRetry,
                        () -> polls));
            }
        }
        watchers.values().forEach(NodeWatcher::retire);
        watchers = current;
        logins.keepOnly(clusterIds);
        return List.copyOf(current.values());
    }

    private static NodeHealth await(CompletableFuture<NodeHealth> read, long deadline) {
        if (read == null) {
            return null;
        }
        try {
            return read.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillRunning) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("node read failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }

    @PreDestroy
    synchronized void closeSessions() {
        watchers.values().forEach(NodeWatcher::retire);
        watchers = new HashMap<>();
        reads.shutdown();
    }
}
