package io.drsuite.system;

import java.sql.SQLException;
import java.time.Duration;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;

/**
 * What the fleet benchmark measured over one window with a number of monitor-service replicas: per replica its
 * polls, poll-cycle time, CPU, memory and the nodes it watches; for the fleet the new sessions per node per minute
 * ({@code pg_stat_database}), the node samples written per node per hour (rows and bytes) and how many nodes have
 * a monitoring session of exactly one replica ({@code pg_stat_activity}).
 */
record FleetWindow(int nodes, Duration length, List<ReplicaFigures> replicas, double sessionsPerNodePerMinute,
        double mostSessionsPerNodePerMinute, double sampleRowsPerNodePerHour, double sampleBytesPerNodePerHour,
        int watchedByOne, int watchedByNone, int watchedBySeveral) {

    /** One replica over the window; NaN where its metrics do not have the figure. */
    record ReplicaFigures(String instanceId, long polls, double pollP50, double pollP99, double pollMean,
            double pollMax, double cpuPercentOfCore, long rssBytes, double watchedNodesGauge,
            double ownedClustersGauge, int nodesWithSession) {
    }

    /** Reads the fleet, waits {@code length}, reads it again and takes the differences. */
    static FleetWindow measure(List<MonitorReplica> replicas, NodeSessions sessions, Duration length)
            throws SQLException, InterruptedException {
        FleetReading start = FleetReading.take(replicas, sessions);
        Thread.sleep(length.toMillis());
        FleetReading end = FleetReading.take(replicas, sessions);
        Map<String, Map<String, Integer>> watchers = sessions.monitorInstances();
        double seconds = Duration.between(start.at(), end.at()).toMillis() / 1000.0;
        int nodes = end.sessions().size();
        DoubleSummaryStatistics sessionsPerMinute = end.sessions().entrySet().stream()
                .mapToDouble(node -> (node.getValue() - start.sessions().get(node.getKey())) / (seconds / 60))
                .summaryStatistics();
        double nodeHours = nodes * seconds / 3600;
        long rows = NodeSampleTable.rowsBetween(start.at(), end.at());
        List<ReplicaFigures> figures = replicas.stream()
                .map(replica -> figures(replica.instanceId(), start, end, seconds, watchers)).toList();
        return new FleetWindow(nodes, Duration.between(start.at(), end.at()), figures,
                sessionsPerMinute.getAverage(), sessionsPerMinute.getMax(), rows / nodeHours,
                (end.sampleBytes() - start.sampleBytes()) / nodeHours,
                count(watchers, 1, 1), count(watchers, 0, 0), count(watchers, 2, Integer.MAX_VALUE));
    }

    /** All replicas' CPU together, in % of one core, per 100 nodes of the fleet. */
    double cpuPercentPer100Nodes() {
        return replicas.stream().mapToDouble(ReplicaFigures::cpuPercentOfCore).sum() / nodes * 100;
    }

    /**
     * The nodes a replica watches: its gauge; without one, the nodes with its session; without those, every node (a
     * monitor-service that does not divide the fleet polls every node).
     */
    double watchedNodes(ReplicaFigures replica) {
        if (!Double.isNaN(replica.watchedNodesGauge())) {
            return replica.watchedNodesGauge();
        }
        return replica.nodesWithSession() > 0 ? replica.nodesWithSession() : nodes;
    }

    private static ReplicaFigures figures(String instanceId, FleetReading start, FleetReading end, double seconds,
            Map<String, Map<String, Integer>> watchers) {
        ScrapedMetrics before = start.metrics().get(instanceId);
        ScrapedMetrics after = end.metrics().get(instanceId);
        String timer = MonitorReplica.POLL_DURATION;
        long polls = Math.round(after.value(timer + "_count") - before.value(timer + "_count"));
        double pollMean = (after.value(timer + "_sum") - before.value(timer + "_sum")) / polls;
        double cpu = (end.usage().get(instanceId).cpuSeconds() - start.usage().get(instanceId).cpuSeconds())
                / seconds * 100;
        int withSession = (int) watchers.values().stream().filter(instances -> instances.containsKey(instanceId))
                .count();
        return new ReplicaFigures(instanceId, polls, after.value(timer, Map.of("quantile", "0.5")),
                after.value(timer, Map.of("quantile", "0.99")), pollMean, after.value(timer + "_max"), cpu,
                end.usage().get(instanceId).rssBytes(), after.value(MonitorReplica.WATCHED_NODES),
                after.value(MonitorReplica.OWNED_CLUSTERS), withSession);
    }

    private static int count(Map<String, Map<String, Integer>> watchers, int fewest, int most) {
        return (int) watchers.values().stream().filter(instances -> instances.size() >= fewest
                && instances.size() <= most).count();
    }
}
