package io.drsuite.system;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * monitor-service on a fleet: N throwaway single-node PostgreSQL 15 clusters on this machine (100 by default),
 * registered through relationship-service's API, watched by 1, then 2, then 3 monitor-service replicas (processes on
 * their own ports, on the same control-plane database and Kafka). Each number of replicas gets a warm-up, then a
 * measured window: poll-cycle time, CPU per 100 nodes, new sessions per node per minute, node sample rows and bytes
 * per node per hour, and the nodes each replica watches. Then one replica is killed with SIGKILL and the time until
 * its clusters are watched again is measured; last, the figures are projected to 1,000 nodes.
 *
 * <p>Not part of the test command; run with {@code ./drsuite benchmark fleet}, settings as system properties:
 * {@code drsuite.fleet.nodes} (100), {@code drsuite.fleet.replicas} (3), {@code drsuite.fleet.window-seconds}
 * (180), {@code drsuite.fleet.warm-up-seconds} (60), {@code drsuite.fleet.poll-interval} (2s, monitor-service's
 * default). Results go to stdout and {@code system-tests/target/fleet-benchmark.md}. The suite's own monitor-service
 * and recyclebin-service are stopped meanwhile (the one would poll the fleet too, the other's sync connects to every
 * database of every cluster) and started again at the end.
 */
@Isolated
@Tag("benchmark")
class FleetBenchmark {

    private static final int NODES = Integer.getInteger("drsuite.fleet.nodes", 100);
    private static final int MOST_REPLICAS = Integer.getInteger("drsuite.fleet.replicas", 3);
    private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("drsuite.fleet.window-seconds", 180));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("drsuite.fleet.warm-up-seconds", 60));
    private static final String POLL_INTERVAL = System.getProperty("drsuite.fleet.poll-interval", "2s");
    private static final Duration WATCHED_AGAIN_WITHIN = Duration.ofMinutes(2);
    private static final int PROJECTED_NODES = 1000;

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void monitorServiceOnAFleetWithOneTwoAndThreeReplicas() throws Exception {
        suite.monitor.close();
        suite.recyclebin.close();
        List<MonitorReplica> replicas = new ArrayList<>();
        long startedAt = System.nanoTime();
        try (ThrowawayFleet fleet = ThrowawayFleet.start("fleet", NODES);
                NodeSessions sessions = NodeSessions.open(fleet.nodes())) {
            double startSeconds = secondsSince(startedAt);
            progress("%d nodes up in %.0f s", fleet.size(), startSeconds);
            try {
                long registering = System.nanoTime();
                fleet.register(api);
                double registerSeconds = secondsSince(registering);
                progress("%d clusters registered in %.0f s", fleet.size(), registerSeconds);
                List<FleetWindow> windows = new ArrayList<>();
                for (int count = 1; count <= MOST_REPLICAS; count++) {
                    MonitorReplica replica = MonitorReplica.launch("fleet-" + count, POLL_INTERVAL);
                    replicas.add(replica);
                    replica.awaitReady();
                    awaitEveryClusterSampledAfter(Instant.now(), fleet);
                    Thread.sleep(WARM_UP.toMillis());
                    FleetWindow window = FleetWindow.measure(List.copyOf(replicas), sessions, WINDOW);
                    windows.add(window);
                    progress("%d replica(s): %.1f%% of a core per 100 nodes, %.2f new sessions per node per minute",
                            count, window.cpuPercentPer100Nodes(), window.sessionsPerNodePerMinute());
                }
                FleetReport report = new FleetReport("Fleet benchmark: monitor-service on " + fleet.size()
                        + " nodes", setting(fleet.size(), startSeconds, registerSeconds)).windows(windows);
                if (replicas.size() > 1) {
                    report.handover(Handover.killAndTime(replicas.get(1), sessions,
                            fleet.nodes().stream().map(node -> node.name()).toList(), WATCHED_AGAIN_WITHIN),
                            WATCHED_AGAIN_WITHIN);
                }
                report.projection(FleetProjection.of(windows, PROJECTED_NODES)).write("fleet-benchmark.md");
            } finally {
                replicas.forEach(MonitorReplica::close);
                fleet.deregister(api);
            }
        } finally {
            suite.monitor.start();
            suite.recyclebin.start();
        }
    }

    /** A replica that just started (or took over) has polled every cluster at least once. */
    private static void awaitEveryClusterSampledAfter(Instant instant, ThrowawayFleet fleet) {
        List<String> clusters = fleet.nodes().stream().map(node -> node.name()).toList();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> NodeSampleTable.clustersSampledAfter(instant).containsAll(clusters));
    }

    private static String setting(int nodes, double startSeconds, double registerSeconds) {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "This machine: %d cores, %.0f GiB. %d single-node PostgreSQL 15 clusters "
                + "(shared_buffers %s, max_connections %s, no autovacuum, fsync off; one initdb, then copies: up "
                + "in %.0f s), each registered as a cluster (in %.0f s). monitor-service replicas (-Xmx256m) poll "
                + "every %s; each window lasts %d s, after a warm-up of %d s. The suite's own monitor-service and "
                + "recyclebin-service are stopped meanwhile; its task-service still sweeps backup slots on every "
                + "node every 5 minutes (one session each, 0.2 per node per minute).",
                Runtime.getRuntime().availableProcessors(), memory / (1024.0 * 1024 * 1024), nodes,
                ThrowawayFleet.SMALL.get("shared_buffers"), ThrowawayFleet.SMALL.get("max_connections"),
                startSeconds, registerSeconds, POLL_INTERVAL, WINDOW.toSeconds(), WARM_UP.toSeconds());
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static void progress(String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "[fleet benchmark] " + format + "%n", arguments);
    }
}
