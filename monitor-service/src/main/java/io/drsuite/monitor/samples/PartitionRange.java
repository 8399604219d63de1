package io.drsuite.monitor.samples;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The time range of one partition, {@code from} included and {@code to} excluded. */
public record PartitionRange(Instant from, Instant to) {

    /** The range of the given width, counted from the epoch, that holds the instant. */
    public static PartitionRange slotOf(Instant at, Duration width) {
        long seconds = width.toSeconds();
        Instant from = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
        return new PartitionRange(from, from.plus(width));
    }

    /**
     * The parts of this range no existing range covers, oldest first. After the width changed, the new slots meet the
     * old partitions, so a slot may come out cut at an old partition's bound.
     */
    public List<PartitionRange> uncoveredBy(List<PartitionRange> existing) {
        List<PartitionRange> parts = new ArrayList<>();
        Instant start = from;
        for (PartitionRange taken : existing.stream().sorted(Comparator.comparing(PartitionRange::from)).toList()) {
            if (!taken.to.isAfter(start) || !taken.from.isBefore(to)) {
                continue;
            }
            if (taken.from.isAfter(start)) {
                parts.add(new PartitionRange(start, taken.from));
            }
            start = taken.to;
        }
        if (start.isBefore(to)) {
            parts.add(new PartitionRange(start, to));
        }
        return parts;
    }
}
