package io.drsuite.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Starts a relay pass as soon as a transaction that recorded events commits, instead of waiting for the next
 * scheduled pass: a failover request should not sit in the outbox for a poll interval. Passes requested while one
 * is queued coalesce into it.
 */
@ApplicationScoped
public class OutboxNudge {

    private static final Logger LOG = Logger.getLogger(OutboxNudge.class);

    private final OutboxRelay relay;
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxNudge(OutboxRelay relay) {
        this.relay = relay;
    }

    /** Fired for every recorded event; observed after the transaction commits. */
    public enum Recorded {
        INSTANCE
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Recorded recorded) {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("outbox-nudge").start(() -> {
            queued.set(false);
            try {
                relay.relayPending();
            } catch (RuntimeException e) {
                LOG.debugf("Immediate relay pass failed; the scheduled pass retries: %s", e.getMessage());
            }
        });
    }
}
