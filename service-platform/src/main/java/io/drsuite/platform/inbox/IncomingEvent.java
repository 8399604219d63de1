package io.drsuite.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.EventType;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from Kafka: its id, type and source from the {@code ce_*} headers, the aggregate id from the
 * record key, and the raw JSON payload.
 */
public record IncomingEvent(UUID id, String type, String source, String aggregateId, String payload) {

    /**
     * Reads a record written by the outbox relay.
     *
     * @throws MalformedEventException when a CloudEvents header is missing or the id is not a UUID
     */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        try {
            return new IncomingEvent(UUID.fromString(id), header(record, CloudEventHeaders.TYPE),
                    header(record, CloudEventHeaders.SOURCE), record.key(), record.value());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("ce_id is not a UUID: " + id);
        }
    }

    public boolean is(EventType<?> eventType) {
        return eventType.type().equals(type);
    }

    /** Maps the payload to the record of the given event type. */
    public <P> P payload(EventType<P> eventType, ObjectMapper json) {
        if (!is(eventType)) {
            throw new MalformedEventException("event " + id + " is " + type + ", not " + eventType.type());
        }
        try {
            return json.readValue(payload, eventType.payloadClass());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MalformedEventException("payload of " + type + " " + id + " does not match the contract: "
                    + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new MalformedEventException("record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return new String(header.value(), UTF_8);
    }

    /** A record that is not a DR Suite CloudEvent. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
