package io.drsuite.console.live;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.EventType;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A record of one of the suite's topics, read as the CloudEvent it carries. */
public record SuiteEvent(String id, String type, String key, String payload) {

    /** Empty for a record without the CloudEvents headers (it is not one of the suite's events). */
    public static Optional<SuiteEvent> from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null || record.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new SuiteEvent(id, type, record.key(), record.value()));
    }

    public boolean is(EventType<?> eventType) {
        return eventType.type().equals(type);
    }

    /** The payload as the contract's record; a payload that does not match it is a broken event. */
    public <P> P payload(EventType<P> eventType, ObjectMapper json) {
        try {
            return json.readValue(payload, eventType.payloadClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("event " + id + " of type " + type + " does not match its contract",
                    e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
