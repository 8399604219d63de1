package io.drsuite.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a service has applied, so a redelivered event is applied once.
 *
 * <p>Call {@link #firstDelivery} inside the transaction that applies the event: the id is stored with the change, and
 * a concurrent second delivery waits on the primary key and then sees it as a duplicate.
 */
@ApplicationScoped
public class EventInbox {

    private final EntityManager entityManager;
    private final MeterRegistry registry;

    EventInbox(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.registry = registry;
    }

    /**
     * Marks the event as processed.
     *
     * @return true when the event was not processed before and should be applied now; false for a duplicate
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(IncomingEvent event) {
        int inserted = entityManager.createNativeQuery(
                "insert into processed_event (event_id, event_type) values (?1, ?2) on conflict do nothing")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .executeUpdate();
        boolean first = inserted == 1;
        registry.counter("drsuite.events.consumed", "type", event.type(), "outcome", first ? "applied" : "duplicate")
                .increment();
        return first;
    }
}
