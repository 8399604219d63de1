package io.drsuite.console.pages.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A cluster's backup standing: when its last good snapshot completed (how old the newest restorable copy is) and how
 * many snapshots the catalog holds of it.
 */
public record ClusterBackups(String cluster, Instant lastGoodAt, Double lastGoodAgeSeconds, int snapshots) {

    static ClusterBackups of(String cluster, List<SnapshotRow> catalog, Instant now) {
        Instant lastGood = catalog.stream().filter(row -> cluster.equals(row.cluster())).filter(SnapshotRow::good)
                .map(SnapshotRow::completedAt).filter(at -> at != null).max(Instant::compareTo).orElse(null);
        int count = (int) catalog.stream().filter(row -> cluster.equals(row.cluster())).count();
        Double age = lastGood == null ? null : Duration.between(lastGood, now).toMillis() / 1000.0;
        return new ClusterBackups(cluster, lastGood, age, count);
    }
}
