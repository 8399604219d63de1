package io.drsuite.snapshot.service;

import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.snapshot.model.BackupPolicy;
import io.drsuite.snapshot.model.RestoreTest;
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
    private final MultiGauge backupAgeBreached;
    private final MultiGauge restoreTestSeconds;

    SnapshotMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lastSuccessAge = MultiGauge.builder("drsuite_snapshot_last_success_age_seconds")
                .description("Seconds since the newest completed snapshot of the cluster").register(registry);
        this.lastSize = MultiGauge.builder("drsuite_snapshot_size_bytes")
                .description("Size of the newest completed snapshot of the cluster and kind").baseUnit("bytes")
                .register(registry);
        this.backupAgeBreached = MultiGauge.builder("drsuite_backup_age_objective_breached")
                .description("1 when the cluster's newest good snapshot is older than its backup age objective, or it "
                        + "has none; only clusters with the objective").register(registry);
        this.restoreTestSeconds = MultiGauge.builder("drsuite_restore_test_seconds")
                .description("Restore time of the cluster's last passed restore test: its start until the restored "
                        + "node accepted connections").register(registry);
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
        refreshObjectives();
    }

    /**
     * The backup age objective against the newest good snapshot (completed, no failed verification), computed when
     * scraped as the age is; and the last passed restore test's restore time per cluster.
     */
    private void refreshObjectives() {
        Map<String, Duration> objectives = QuarkusTransaction.requiringNew().call(BackupPolicy::maxBackupAgePerCluster);
        Map<String, Instant> newestGood = QuarkusTransaction.requiringNew().call(Snapshot::newestGoodCompletion);
        backupAgeBreached.register(objectives.entrySet().stream().map(objective -> MultiGauge.Row.of(
                Tags.of("cluster", objective.getKey()), () -> {
                    Instant newest = newestGood.get(objective.getKey());
                    return newest == null || newest.plus(objective.getValue()).isBefore(Instant.now()) ? 1 : 0;
                })).toList(), true);
        restoreTestSeconds.register(QuarkusTransaction.requiringNew().call(RestoreTest::lastPassedSeconds)
                .entrySet().stream().map(last -> MultiGauge.Row.of(Tags.of("cluster", last.getKey()),
                        last.getValue())).toList(), true);
    }
}
