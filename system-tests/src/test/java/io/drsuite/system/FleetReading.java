package io.drsuite.system;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet and its monitor-service replicas as read at one instant, for the differences over a window: every
 * node's sessions so far, each replica's CPU time, memory and metrics (by instance id), and the node samples' size.
 */
record FleetReading(Instant at, Map<String, Long> sessions, Map<String, ProcessUsage> usage,
        Map<String, ScrapedMetrics> metrics, long sampleBytes) {

    static FleetReading take(List<MonitorReplica> replicas, NodeSessions nodes) throws SQLException {
        Instant at = Instant.now();
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        Map<String, ScrapedMetrics> metrics = new LinkedHashMap<>();
        for (MonitorReplica replica : replicas) {
            usage.put(replica.instanceId(), replica.usage());
            metrics.put(replica.instanceId(), replica.metrics());
        }
        return new FleetReading(at, nodes.sessionsSoFar(), usage, metrics, NodeSampleTable.bytes());
    }
}
