package io.drsuite.snapshot.wal;

import io.drsuite.snapshot.model.WalArchive;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Recomputes the summaries files made stale, each archive in a transaction of its own under its row lock: instances
 * of the service share the work, and an archive's summary is computed once however many files arrived meanwhile.
 */
@ApplicationScoped
public class WalSummaries {

    private final WalCatalog catalog;

    WalSummaries(WalCatalog catalog) {
        this.catalog = catalog;
    }

    @Scheduled(every = "${drsuite.snapshots.wal-summary-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        List<UUID> stale = QuarkusTransaction.requiringNew().call(WalArchive::withStaleSummary);
        for (UUID id : stale) {
            QuarkusTransaction.requiringNew().run(() -> {
                WalArchive archive = WalArchive.locked(id);
                if (archive != null && archive.summaryStale) {
                    catalog.summarize(archive);
                }
            });
        }
    }
}
