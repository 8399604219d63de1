package io.drsuite.recyclebin.service;

import io.drsuite.platform.problem.ProblemException;
import io.drsuite.recyclebin.model.BinEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Purges what has been in the bin longer than its cluster's retention; each purge is published. */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final RecycleBinService bin;

    ExpiryJob(RecycleBinService bin) {
        this.bin = bin;
    }

    @Scheduled(every = "${drsuite.recyclebin.expiry-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        List<BinEntry> expired = QuarkusTransaction.requiringNew().call(() -> BinEntry.expired(Instant.now()));
        for (BinEntry entry : expired) {
            try {
                bin.purgeExpired(entry);
            } catch (ProblemException e) {
                LOG.warnf("Expired %s %s of %s not purged yet: %s", entry.kind.wireName(), entry.originalName,
                        entry.cluster, e.problem().detail());
            }
        }
    }
}
