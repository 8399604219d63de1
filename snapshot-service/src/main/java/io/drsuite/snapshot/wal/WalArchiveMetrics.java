package io.drsuite.snapshot.wal;

import io.drsuite.snapshot.model.WalArchive;
import io.drsuite.snapshot.model.WalArchiveState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WAL archive metrics per cluster, read every 15 s from the catalog's summary of the cluster's archive that has not
 * been switched off. {@code drsuite_wal_archive_last_segment_age_seconds} is computed when scraped, so it keeps
 * growing when the archive stalls; {@code drsuite_recovery_window_seconds} is how far back a restore can go.
 */
@ApplicationScoped
public class WalArchiveMetrics {

    private final MultiGauge lastSegmentAge;
    private final MultiGauge recoveryWindow;
    private final MultiGauge gaps;

    WalArchiveMetrics(MeterRegistry registry) {
        this.lastSegmentAge = MultiGauge.builder("drsuite_wal_archive_last_segment_age_seconds")
                .description("Seconds since the newest archived WAL segment of the cluster was complete")
                .register(registry);
        this.recoveryWindow = MultiGauge.builder("drsuite_recovery_window_seconds")
                .description("Seconds between the earliest and the latest point a restore of the cluster can reach")
                .register(registry);
        this.gaps = MultiGauge.builder("drsuite_wal_archive_gaps")
                .description("Missing stretches of WAL in the cluster's archive").register(registry);
    }

    @Scheduled(every = "15s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        Map<String, WalArchive> current = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> WalArchive.<WalArchive>list(
                "state <> ?1 order by requestedAt desc", WalArchiveState.STOPPED)
                .forEach(archive -> current.putIfAbsent(archive.cluster, archive)));
        List<WalArchive> archives = List.copyOf(current.values());
        lastSegmentAge.register(archives.stream().filter(archive -> archive.lastSegmentClosedAt != null)
                .map(archive -> MultiGauge.Row.of(Tags.of("cluster", archive.cluster), () -> Duration.between(
                        archive.lastSegmentClosedAt, Instant.now()).toMillis() / 1000.0)).toList(), true);
        recoveryWindow.register(archives.stream().map(archive -> MultiGauge.Row.of(Tags.of("cluster",
                archive.cluster), archive.windowStart == null || archive.windowEnd == null ? 0.0
                        : Duration.between(archive.windowStart, archive.windowEnd).toMillis() / 1000.0)).toList(),
                true);
        gaps.register(archives.stream().map(archive -> MultiGauge.Row.of(Tags.of("cluster", archive.cluster),
                archive.gaps.length)).toList(), true);
    }
}
