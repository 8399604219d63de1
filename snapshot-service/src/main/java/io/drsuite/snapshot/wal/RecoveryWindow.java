package io.drsuite.snapshot.wal;

import io.drsuite.snapshot.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The points a point-in-time restore from an archive can reach: from the consistent point of the oldest physical
 * snapshot whose WAL on is archived without a gap, to when the newest archived segment was complete.
 *
 * @param bases the snapshots a restore can start from, newest first; empty when there is none (no window)
 */
public record RecoveryWindow(Instant start, Instant end, List<Snapshot> bases) {

    public static final RecoveryWindow NONE = new RecoveryWindow(null, null, List.of());

    public boolean exists() {
        return start != null && end != null;
    }

    public boolean contains(Instant at) {
        return exists() && !at.isBefore(start) && !at.isAfter(end);
    }

    public Double seconds() {
        return exists() ? Duration.between(start, end).toMillis() / 1000.0 : null;
    }

    /** In words, for problem details: {@code 2026-12-01T02:00:12Z to 2026-12-03T04:58:01Z}. */
    public String describe() {
        return exists() ? start + " to " + end : "none (no physical snapshot with its WAL archived since)";
    }
}
