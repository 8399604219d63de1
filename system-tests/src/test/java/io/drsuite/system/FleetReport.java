package io.drsuite.system;

import io.drsuite.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fleet benchmark's figures as Markdown: printed and written to {@code system-tests/target/<fileName>}. */
final class FleetReport {

    private static final double MB = 1024.0 * 1024;

    private final List<String> lines = new ArrayList<>();

    FleetReport(String title, String setting) {
        lines.add("# " + title);
        lines.add("");
        lines.add(Instant.now() + ". " + setting);
    }

    FleetReport windows(List<FleetWindow> windows) {
        section("Per number of replicas");
        lines.add("| replicas | CPU per 100 nodes (% of a core) | new sessions per node per minute (mean / max) "
                + "| node sample rows per node per hour | node sample bytes per node per hour "
                + "| nodes with a monitoring session of one / no / several replicas |");
        lines.add("| --- | --- | --- | --- | --- | --- |");
        for (FleetWindow window : windows) {
            lines.add(row(window.replicas().size(), number(window.cpuPercentPer100Nodes(), 1),
                    number(window.sessionsPerNodePerMinute(), 2) + " / "
                            + number(window.mostSessionsPerNodePerMinute(), 2),
                    number(window.sampleRowsPerNodePerHour(), 0), number(window.sampleBytesPerNodePerHour(), 0),
                    window.watchedByOne() + " / " + window.watchedByNone() + " / " + window.watchedBySeveral()));
        }
        section("Per replica");
        lines.add("| replicas | replica | polls | poll p50 (s) | poll p99 (s) | poll mean (s) | poll max (s) "
                + "| CPU (% of a core) | RSS (MB) | watched nodes (gauge) | owned clusters (gauge) "
                + "| nodes with its session |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (FleetWindow window : windows) {
            for (FleetWindow.ReplicaFigures replica : window.replicas()) {
                lines.add(row(window.replicas().size(), replica.instanceId(), replica.polls(),
                        number(replica.pollP50(), 3), number(replica.pollP99(), 3), number(replica.pollMean(), 3),
                        number(replica.pollMax(), 3), number(replica.cpuPercentOfCore(), 1),
                        number(replica.rssBytes() / MB, 0), number(replica.watchedNodesGauge(), 0),
                        number(replica.ownedClustersGauge(), 0), replica.nodesWithSession()));
            }
        }
        return this;
    }

    FleetReport handover(Handover handover, Duration atMost) {
        section("A killed replica");
        String its = handover.nodesItWatched() == 0
                ? "no node had a session naming it, so which clusters were its own is not known"
                : "the nodes it had a session on had a sample after " + seconds(handover.itsNodesSampled(), atMost)
                        + ", and each another replica's session after "
                        + seconds(handover.itsNodesWatchedAgain(), atMost);
        lines.add("`kill -9` of replica " + handover.killed() + ", which had a monitoring session on "
                + handover.nodesItWatched() + " nodes: every cluster had a node sample newer than the kill after "
                + seconds(handover.everyClusterSampled(), atMost) + "; " + its + ".");
        return this;
    }

    FleetReport projection(FleetProjection projection) {
        section(String.format(Locale.ROOT, "Projection to %,d nodes", projection.nodes()));
        lines.add(projection.upperBound()
                ? "Memory: every replica watched as many nodes as the others (or the fit made no sense), so its "
                        + "whole resident memory is charged to them, an upper bound (≤): "
                        + number(projection.bytesPerNode() / MB, 2) + " MB per node."
                : "Memory: a replica's base " + number(projection.baseBytes() / MB, 0) + " MB plus "
                        + number(projection.bytesPerNode() / MB, 3) + " MB per watched node (least squares over "
                        + "the replicas of every window). Services run with -Xmx256m here: past that the heap must "
                        + "grow.");
        lines.add("");
        lines.add("| replicas | CPU (cores, all replicas) | memory per replica (MB) | new sessions per minute "
                + "| node sample rows per hour | node sample GB per day |");
        lines.add("| --- | --- | --- | --- | --- | --- |");
        for (FleetProjection.Row row : projection.rows()) {
            lines.add(row(row.replicas(), number(row.cores(), 2),
                    (projection.upperBound() ? "≤ " : "") + number(row.bytesPerReplica() / MB, 0),
                    number(row.sessionsPerMinute(), 0), number(row.sampleRowsPerHour(), 0),
                    number(row.sampleBytesPerDay() / (MB * 1024), 2)));
        }
        return this;
    }

    /** Prints the report and writes it to {@code system-tests/target/<fileName>}. */
    void write(String fileName) throws IOException {
        String text = String.join("\n", lines) + "\n";
        System.out.println("\n" + text);
        Path out = RepositoryRoot.find().resolve("system-tests/target").resolve(fileName);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    private void section(String title) {
        lines.add("");
        lines.add("## " + title);
        lines.add("");
    }

    private static String row(Object... cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell).append(" |");
        }
        return row.toString();
    }

    /** NaN (a figure the service does not publish) as n/a. */
    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String seconds(Duration elapsed, Duration atMost) {
        return elapsed == null ? "more than " + atMost.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
