package io.drsuite.snapshot.service;

import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.SnapshotPhase;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshot metrics. The one to alert on is {@code drsuite_snapshot_last_success_age_seconds}: how long ago each
 * cluster's newest snapshot completed, computed when scraped from the completion time the catalog holds (read
 * every 15 s), so it keeps growing when backups stop.
 */
@ApplicationScoped
public class SnapshotMetrics {

    private final MeterRegistry registry;
    private final MultiGauge lastSuccessAge;
    private final MultiGauge lastSize;

    SnapshotMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lastSuccessAge = MultiGauge.builder("drsuite_snapshot_last_success_age_seconds")
                .description("Seconds since the newest completed snapshot of the cluster").register(registry);
        this.lastSize = MultiGauge.builder("drsuite_snapshot_size_bytes")
                .description("Size of the newest completed snapshot of the cluster and kind").baseUnit("bytes")
                .register(registry);
    }

    void completed(Snapshot snapshot) {
        Timer.builder("drsuite_snapshot_duration_seconds").description("Time from request to stored snapshot")
                .tags("cluster", snapshot.cluster, "kind", snapshot.kind.wireName()).register(registry)
                .record(Duration.between(snapshot.requestedAt, snapshot.completedAt));
    }

    /** A snapshot that failed or was found corrupt; its phase is the reason. */
    void failed(Snapshot snapshot) {
        Counter.builder("drsuite_snapshot_failures_total").description("Snapshots that failed or were found corrupt")
                .tags("cluster", snapshot.cluster, "kind", snapshot.kind.wireName(), "reason",
                        snapshot.phase.wireName()).register(registry).increment();
    }

    void restored(SnapshotRestore restore) {
        Counter.builder("drsuite_restores_total").description("Restores that ended, by outcome")
                .tags("kind", restore.kind.wireName(), "result", restore.phase.wireName()).register(registry)
                .increment();
    }

    /** Reads the newest completed snapshot per cluster and kind from the catalog. */
    @Scheduled(every = "15s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        List<Object[]> newest = QuarkusTransaction.requiringNew().call(() -> Snapshot.getEntityManager()
                .createQuery("select s.cluster, s.kind, s.completedAt, s.sizeBytes from Snapshot s "
                        + "where s.phase = :completed and s.completedAt = (select max(o.completedAt) from Snapshot o "
                        + "where o.cluster = s.cluster and o.kind = s.kind and o.phase = :completed)",
                        Object[].class)
                .setParameter("completed", SnapshotPhase.COMPLETED).getResultList());
        lastSize.register(newest.stream().map(row -> MultiGauge.Row.of(Tags.of("cluster", (String) row[0], "kind",
                ((SnapshotKind) row[1]).wireName()), (Long) row[3])).toList(), true);
        Map<String, Instant> latestPerCluster = new HashMap<>();
        for (Object[] row : newest) {
            latestPerCluster.merge((String) row[0], (Instant) row[2], (a, b) -> a.isAfter(b) ? a : b);
        }
        lastSuccessAge.register(latestPerCluster.entrySet().stream().map(entry -> MultiGauge.Row.of(
                Tags.of("cluster", entry.getKey()), () -> Duration.between(entry.getValue(), Instant.now())
                        .toMillis() / 1000.0)).toList(), true);
    }
}
