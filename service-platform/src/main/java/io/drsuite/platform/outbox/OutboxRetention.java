package io.drsuite.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes the events Kafka acknowledged more than {@code drsuite.outbox.published-retention} ago (7 days by default),
 * which the relay only marks published, so the outbox does not grow for ever. Unpublished events are never deleted.
 *
 * <p>In batches of {@code drsuite.outbox.prune-batch-size}, each in a transaction of its own. Replicas of a service
 * may prune at the same time: each skips the rows another is deleting.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private final OutboxConfig config;
    private final EntityManager entityManager;

    OutboxRetention(OutboxConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${drsuite.outbox.prune-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pruneExpired() {
        prunePublishedBefore(Instant.now().minus(config.publishedRetention()), config.pruneBatchSize());
    }

    /**
     * Deletes the events published before {@code before}, {@code batchSize} at a time.
     *
     * @return how many were deleted
     */
    public long prunePublishedBefore(Instant before, int batchSize) {
        long removed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> deleteBatch(before, batchSize));
            removed += batch;
        } while (batch == batchSize);
        if (removed > 0) {
            LOG.infof("Outbox: %d events published before %s deleted", removed, before);
        }
        return removed;
    }

    private int deleteBatch(Instant before, int batchSize) {
        return entityManager.createNativeQuery("delete from event_outbox where id in (select id from event_outbox "
                + "where published_at < ?1 order by id limit ?2 for update skip locked)")
                .setParameter(1, before)
                .setParameter(2, batchSize)
                .executeUpdate();
    }
}
