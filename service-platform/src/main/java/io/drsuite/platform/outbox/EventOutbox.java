package io.drsuite.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Records domain events in the outbox table. Must be called inside the transaction that makes the state change the
 * event announces, so both commit or neither does.
 */
@ApplicationScoped
public class EventOutbox {

    private final ObjectMapper json;
    private final Event<OutboxNudge.Recorded> recorded;

    EventOutbox(ObjectMapper json, Event<OutboxNudge.Recorded> recorded) {
        this.json = json;
        this.recorded = recorded;
    }

    /**
     * Adds an event to the outbox of the current transaction.
     *
     * @return the event id (the CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> UUID record(EventType<P> type, String aggregateId, P payload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new IllegalArgumentException("aggregateId is required");
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = type.topic();
        event.eventType = type.type();
        event.aggregateId = aggregateId;
        event.payload = toJson(payload);
        event.occurredAt = Instant.now();
        event.persist();
        recorded.fire(OutboxNudge.Recorded.INSTANCE);
        return event.eventId;
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
