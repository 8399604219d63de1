package io.drsuite.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.EventType;
import io.drsuite.platform.origin.ChangeOrigin;
import io.drsuite.platform.origin.ChangeOrigins;
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
     * Adds an event to the outbox of the current transaction, with the origin of the change being made (the request
     * or the event being applied).
     *
     * @return the event id (the CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> UUID record(EventType<P> type, String aggregateId, P payload) {
        return record(type, aggregateId, payload, ChangeOrigins.current());
    }

    /** Adds an event announcing a change made for {@code origin} (a task's steps, run long after its request). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> UUID record(EventType<P> type, String aggregateId, P payload, ChangeOrigin origin) {
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
        if (origin != null) {
            event.correlationId = origin.correlationId();
            event.requestedBy = origin.requestedBy();
        }
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
