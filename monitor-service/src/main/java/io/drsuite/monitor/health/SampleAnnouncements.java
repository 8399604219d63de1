package io.drsuite.monitor.health;

import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.RelationshipHealthSampled;
import io.drsuite.monitor.config.MonitorConfig;
import io.drsuite.platform.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends each relationship's lag, RPO estimate and health words ({@link HealthEvents#RELATIONSHIP_SAMPLED}) so views
 * follow them live without asking this service: from a poll in which they changed since the last one sent, and at
 * least every heartbeat even if they did not, so a consumer that started late soon has them all. An unchanged
 * relationship costs one event per heartbeat, not one per poll.
 *
 * <p>A sample counts as sent once the poll's transaction commits with it in the outbox; a poll that fails sends it
 * again next time.
 */
@ApplicationScoped
public class SampleAnnouncements {

    private final EventOutbox outbox;
    private final TransactionSynchronizationRegistry transactions;
    private final Duration heartbeat;
    private final Map<UUID, RelationshipHealthSampled> lastSent = new ConcurrentHashMap<>();

    SampleAnnouncements(EventOutbox outbox, TransactionSynchronizationRegistry transactions, MonitorConfig config) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.heartbeat = config.sampleEvents().heartbeat();
    }

    /** Records the sample in the outbox of the poll's transaction when it changed or the heartbeat is due. */
    void announceIfDue(RelationshipHealth health) {
        RelationshipHealthSampled sample = new RelationshipHealthSampled(health.relationshipId(), health.name(),
                health.primaryState().wireName(), health.drState().wireName(), health.lagBytes(),
                health.lagSeconds(), health.rpoEstimateSeconds(), health.sampledAt());
        RelationshipHealthSampled last = lastSent.get(sample.relationshipId());
        if (last != null && sameFigures(last, sample)
                && sample.sampledAt().isBefore(last.sampledAt().plus(heartbeat))) {
            return;
        }
        outbox.record(HealthEvents.RELATIONSHIP_SAMPLED, sample.relationshipId().toString(), sample);
        afterCommit(() -> lastSent.put(sample.relationshipId(), sample));
    }

    /** Forgets the relationships no longer polled. */
    void keep(Set<UUID> relationships) {
        lastSent.keySet().retainAll(relationships);
    }

    private static boolean sameFigures(RelationshipHealthSampled a, RelationshipHealthSampled b) {
        return a.name().equals(b.name()) && a.primaryState().equals(b.primaryState())
                && a.drState().equals(b.drState()) && Objects.equals(a.lagBytes(), b.lagBytes())
                && Objects.equals(a.lagSeconds(), b.lagSeconds())
                && Objects.equals(a.rpoEstimateSeconds(), b.rpoEstimateSeconds());
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
