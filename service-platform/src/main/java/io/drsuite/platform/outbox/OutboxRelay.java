package io.drsuite.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events to Kafka in the order they were recorded and marks them sent.
 *
 * <p>One relay at a time per service database: a transaction-scoped advisory lock keeps two replicas from publishing
 * the same events out of order. The first event the broker does not acknowledge stops the pass, so a later event of
 * the same aggregate never overtakes it; the next pass retries it. A crash between the broker's acknowledgement and
 * the commit re-sends the event, which is why every consumer is idempotent.
 *
 * <p>Created at start rather than at the first scheduled pass, so its metrics ({@code drsuite_outbox_pending} first)
 * are there from the first scrape on.
 */
@Startup
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final KafkaEventPublisher publisher;
    private final OutboxConfig config;
    private final EntityManager entityManager;
    private final Counter published;
    private final Counter failedAttempts;
    private final AtomicLong pending = new AtomicLong();

    OutboxRelay(KafkaEventPublisher publisher, OutboxConfig config, EntityManager entityManager,
            MeterRegistry registry) {
        this.publisher = publisher;
        this.config = config;
        this.entityManager = entityManager;
        this.published = Counter.builder("drsuite.outbox.published")
                .description("Events relayed from the outbox to Kafka").register(registry);
        this.failedAttempts = Counter.builder("drsuite.outbox.publish.failures")
                .description("Relay attempts the broker did not acknowledge").register(registry);
        Gauge.builder("drsuite.outbox.pending", pending, AtomicLong::get)
                .description("Events recorded but not yet acknowledged by Kafka").register(registry);
    }

    @Scheduled(every = "${drsuite.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void relayPending() {
        if (!holdsRelayLock()) {
            return;
        }
        List<OutboxEvent> batch = OutboxEvent.nextPending(config.batchSize());
        int relayed = 0;
        for (OutboxEvent event : batch) {
            try {
                publisher.publish(event, config.publishTimeout());
                event.markPublished(Instant.now());
                published.increment();
                relayed++;
            } catch (KafkaEventPublisher.PublishFailedException e) {
                event.markFailedAttempt(e.getMessage());
                failedAttempts.increment();
                LOG.warnf("Event %s (%s) not acknowledged by Kafka, attempt %d; it stays in the outbox: %s",
                        event.eventId, event.eventType, event.attempts, e.getMessage());
                break;
            }
        }
        // A short batch relayed whole leaves nothing behind; only a full batch or a failure needs a count.
        boolean drained = relayed == batch.size() && batch.size() < config.batchSize();
        pending.set(drained ? 0 : OutboxEvent.countPending());
    }

    private boolean holdsRelayLock() {
        Object locked = entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.event_outbox'))")
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
