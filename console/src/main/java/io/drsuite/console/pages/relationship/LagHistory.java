package io.drsuite.console.pages.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A relationship's lag and RPO estimate over a chosen range, as the chart draws it: columns of time (epoch
 * seconds), lag bytes and RPO estimate seconds, at most {@link #MOST_POINTS} points (the worst of each slice when
 * monitor-service holds more), with the worst and latest figures for the summary beside the chart.
 */
public record LagHistory(String range, Instant from, Instant to, List<Long> time, List<Long> lagBytes,
        List<Double> rpoSeconds, Long worstLagBytes, Double worstRpoSeconds, Long latestLagBytes,
        Double latestRpoSeconds, int points) {

    static final int MOST_POINTS = 720;

    /** The ranges the page offers, by the name the buttons send. */
    static final Map<String, Duration> RANGES = Map.of("15m", Duration.ofMinutes(15), "1h", Duration.ofHours(1),
            "6h", Duration.ofHours(6), "24h", Duration.ofHours(24), "7d", Duration.ofDays(7));

    static Duration range(String name) {
        Duration range = RANGES.get(name);
        if (range == null) {
            throw new IllegalArgumentException("range must be one of 15m, 1h, 6h, 24h, 7d");
        }
        return range;
    }

    /** From the pages of monitor-service's history: per-minute rows (their worst) and raw samples, oldest first. */
    static LagHistory of(String range, Instant from, Instant to, List<JsonNode> pages) {
        List<Point> points = new ArrayList<>();
        for (JsonNode page : pages) {
            for (JsonNode minute : page.path("minutes")) {
                points.add(new Point(Instant.parse(minute.path("minute").asText()).getEpochSecond(),
                        longOrNull(minute.path("maxLagBytes")), doubleOrNull(minute.path("maxRpoEstimateSeconds"))));
            }
            for (JsonNode sample : page.path("samples")) {
                points.add(new Point(Instant.parse(sample.path("at").asText()).getEpochSecond(),
                        longOrNull(sample.path("lagBytes")), doubleOrNull(sample.path("rpoEstimateSeconds"))));
            }
        }
        points.sort((a, b) -> Long.compare(a.time(), b.time()));
        List<Point> drawn = worstOfSlices(points);
        Long worstLag = points.stream().map(Point::lagBytes).filter(java.util.Objects::nonNull)
                .max(Long::compare).orElse(null);
        Double worstRpo = points.stream().map(Point::rpoSeconds).filter(java.util.Objects::nonNull)
                .max(Double::compare).orElse(null);
        Point latest = points.isEmpty() ? null : points.getLast();
        return new LagHistory(range, from, to, drawn.stream().map(Point::time).toList(),
                drawn.stream().map(Point::lagBytes).toList(), drawn.stream().map(Point::rpoSeconds).toList(),
                worstLag, worstRpo, latest == null ? null : latest.lagBytes(),
                latest == null ? null : latest.rpoSeconds(), points.size());
    }

    private static List<Point> worstOfSlices(List<Point> points) {
        if (points.size() <= MOST_POINTS) {
            return points;
        }
        int slice = (points.size() + MOST_POINTS - 1) / MOST_POINTS;
        List<Point> drawn = new ArrayList<>();
        for (int start = 0; start < points.size(); start += slice) {
            List<Point> part = points.subList(start, Math.min(points.size(), start + slice));
            drawn.add(new Point(part.getLast().time(),
                    part.stream().map(Point::lagBytes).filter(java.util.Objects::nonNull).max(Long::compare)
                            .orElse(null),
                    part.stream().map(Point::rpoSeconds).filter(java.util.Objects::nonNull).max(Double::compare)
                            .orElse(null)));
        }
        return drawn;
    }

    private record Point(long time, Long lagBytes, Double rpoSeconds) {
    }

    private static Long longOrNull(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }

    private static Double doubleOrNull(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
