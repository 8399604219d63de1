package io.drsuite.system;

import java.util.ArrayList;
import java.util.List;

/**
 * The fleet benchmark's figures carried to a larger fleet: CPU, sessions and samples grow with the nodes; memory is a
 * replica's base plus a cost per watched node, fitted over the replicas of every window (least squares of resident
 * memory against watched nodes). When every replica watched as many nodes as every other (each polls the whole
 * fleet) or the fit makes no sense (a cost per node or a base below zero), nothing separates the base from the
 * per-node cost: all the resident memory is then charged to the nodes, an upper bound.
 */
record FleetProjection(int nodes, double baseBytes, double bytesPerNode, boolean upperBound, List<Row> rows) {

    /** The fleet of {@code nodes} with as many replicas as one window had, each watching the share it watched. */
    record Row(int replicas, double cores, double bytesPerReplica, double sessionsPerMinute,
            double sampleRowsPerHour, double sampleBytesPerDay) {
    }

    static FleetProjection of(List<FleetWindow> windows, int nodes) {
        List<double[]> points = new ArrayList<>();
        for (FleetWindow window : windows) {
            for (FleetWindow.ReplicaFigures replica : window.replicas()) {
                points.add(new double[] {window.watchedNodes(replica), replica.rssBytes()});
            }
        }
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double spread = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[0] - meanX)).sum();
        double slope = spread < 1 ? 0
                : points.stream().mapToDouble(p -> (p[0] - meanX) * (p[1] - meanY)).sum() / spread;
        // A slope that is not positive is noise (or no spread at all): nothing to separate the base from the nodes.
        boolean upperBound = slope <= 0 || meanY - slope * meanX < 0;
        double perNode = upperBound ? meanY / meanX : slope;
        double base = upperBound ? 0 : meanY - slope * meanX;
        List<Row> rows = windows.stream().map(window -> {
            // Each replica's share of the fleet as measured: 1/replicas when they divide it, 1 when each polls all.
            double share = window.replicas().stream().mapToDouble(window::watchedNodes).average().orElse(0)
                    / window.nodes();
            return new Row(window.replicas().size(), window.cpuPercentPer100Nodes() / 100 * nodes / 100,
                    base + perNode * nodes * share, window.sessionsPerNodePerMinute() * nodes,
                    window.sampleRowsPerNodePerHour() * nodes, window.sampleBytesPerNodePerHour() * nodes * 24);
        }).toList();
        return new FleetProjection(nodes, base, perNode, upperBound, rows);
    }
}
