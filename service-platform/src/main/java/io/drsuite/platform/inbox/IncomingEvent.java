package io.drsuite.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.EventType;
import io.drsuite.platform.origin.ChangeOrigin;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from Kafka: its id, type and source from the {@code ce_*} headers, the aggregate id from the
 * record key, the raw JSON payload, and the origin of the change it announces (correlation id and requester, when
 * the change came from a request).
 */
public record IncomingEvent(UUID id, String type, String source, String aggregateId, String payload,
        ChangeOrigin origin) {

    private static final Pattern TYPE = Pattern.compile("(io\\.drsuite\\.[a-z][a-z-]*\\.[a-z][a-z-]*)\\.v[1-9][0-9]*");

    /**
     * Reads a record written by the outbox relay.
     *
     * @throws MalformedEventException when a CloudEvents header is missing, the id is not a UUID or the type is not
     *     a DR Suite event type
     */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (!TYPE.matcher(type).matches()) {
            throw new MalformedEventException(DeadLetterReason.UNKNOWN_TYPE,
                    "ce_type '" + type + "' is not a DR Suite event type");
        }
        try {
            ChangeOrigin origin = ChangeOrigin.of(optionalHeader(record, CloudEventHeaders.CORRELATION_ID),
                    optionalHeader(record, CloudEventHeaders.REQUESTED_BY));
            return new IncomingEvent(UUID.fromString(id), type, header(record, CloudEventHeaders.SOURCE),
                    record.key(), record.value(), origin);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(DeadLetterReason.NOT_A_CLOUD_EVENT, "ce_id is not a UUID: " + id);
        }
    }

    /**
     * Refuses an event the consumer handles in a version it does not know (a {@code .v2} where it reads {@code .v1});
     * events it does not handle at all pass, for the consumer to skip.
     *
     * @throws MalformedEventException when the type is another version of one of {@code handled}
     */
    public void requireKnownVersion(Collection<EventType<?>> handled) {
        String event = unversioned(type);
        for (EventType<?> known : handled) {
            if (known.type().equals(type)) {
                return;
            }
        }
        for (EventType<?> known : handled) {
            if (unversioned(known.type()).equals(event)) {
                throw new MalformedEventException(DeadLetterReason.UNSUPPORTED_VERSION, "event " + id + " is "
                        + type + "; this consumer reads " + known.type());
            }
        }
    }

    private static String unversioned(String type) {
        var matcher = TYPE.matcher(type);
        return matcher.matches() ? matcher.group(1) : type;
    }

    public boolean is(EventType<?> eventType) {
        return eventType.type().equals(type);
    }

    /** Maps the payload to the record of the given event type. */
    public <P> P payload(EventType<P> eventType, ObjectMapper json) {
        if (!is(eventType)) {
            throw new MalformedEventException(DeadLetterReason.UNSUPPORTED_VERSION,
                    "event " + id + " is " + type + ", not " + eventType.type());
        }
        try {
            return json.readValue(payload, eventType.payloadClass());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MalformedEventException(DeadLetterReason.BAD_PAYLOAD, "payload of " + type + " " + id
                    + " does not match the contract: "
                    + e.getMessage());
        }
    }

    private static String optionalHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new MalformedEventException(DeadLetterReason.NOT_A_CLOUD_EVENT, "record at " + record.topic() + "-"
                    + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return new String(header.value(), UTF_8);
    }

    /** A record that is not a DR Suite event this consumer can read: reading it again would fail again. */
    public static final class MalformedEventException extends RuntimeException {

        private final DeadLetterReason reason;

        public MalformedEventException(DeadLetterReason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public DeadLetterReason reason() {
            return reason;
        }
    }
}
