package io.drsuite.recyclebin.service;

import io.drsuite.recyclebin.model.BinEntry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Entries and bytes held in the bin per cluster ({@code drsuite_recyclebin_entries}, {@code _bytes}). */
@ApplicationScoped
public class BinMetrics {

    private final MultiGauge entries;
    private final MultiGauge bytes;

    BinMetrics(MeterRegistry registry) {
        this.entries = MultiGauge.builder("drsuite_recyclebin_entries")
                .description("Objects in the recycle bin of the cluster").register(registry);
        this.bytes = MultiGauge.builder("drsuite_recyclebin_bytes")
                .description("Bytes held by objects in the recycle bin of the cluster").baseUnit("bytes")
                .register(registry);
    }

    @Scheduled(every = "15s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        List<Object[]> perCluster = QuarkusTransaction.requiringNew().call(BinEntry::heldPerCluster);
        entries.register(perCluster.stream().map(row -> MultiGauge.Row.of(Tags.of("cluster", (String) row[0]),
                (Long) row[1])).toList(), true);
        bytes.register(perCluster.stream().map(row -> MultiGauge.Row.of(Tags.of("cluster", (String) row[0]),
                (Long) row[2])).toList(), true);
    }
}
