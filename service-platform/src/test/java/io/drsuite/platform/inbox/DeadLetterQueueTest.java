package io.drsuite.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.DeadLetters;
import io.drsuite.events.EventType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Which failures are dead-lettered and which are not. The path through the real broker is covered by every
 * service's cluster projection test ({@code ClusterProjectionContract}).
 */
class DeadLetterQueueTest {

    record Sample(String name) {
    }

    private static final EventType<Sample> V1 = EventType.of("samples", "sample", "made", 1, Sample.class);

    private final List<ProducerRecord<String, String>> sent = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final DeadLetterQueue queue = new DeadLetterQueue(sent::add, metrics, "test-service", 2,
            Duration.ofMillis(1));

    @Test
    void aFailureThatMayPassIsRetriedThenStopsTheChannelAndIsNeverDeadLettered() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException databaseDown = new IllegalStateException("connection refused");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> queue.deliver(record(V1.type(), "{}"), List.of(V1), event -> {
                    attempts.incrementAndGet();
                    throw databaseDown;
                }));
        assertSame(databaseDown, thrown);
        assertEquals(3, attempts.get());
        assertTrue(sent.isEmpty());
        assertEquals(0, metrics.find("drsuite.events.dead.lettered").counters().size());
    }

    @Test
    void aFailureThatPassesOnARetryIsApplied() {
        AtomicInteger attempts = new AtomicInteger();
        queue.deliver(record(V1.type(), "{}"), List.of(V1), event -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("lock timeout");
            }
        });
        assertEquals(2, attempts.get());
        assertTrue(sent.isEmpty());
    }

    @Test
    void anUnsupportedVersionIsDeadLetteredAndOtherTypesArePassedOn() {
        List<String> applied = new ArrayList<>();
        queue.deliver(record("io.drsuite.sample.made.v2", "{}"), List.of(V1), event -> applied.add(event.type()));
        queue.deliver(record("io.drsuite.sample.other.v1", "{}"), List.of(V1), event -> applied.add(event.type()));
        assertEquals(List.of("io.drsuite.sample.other.v1"), applied);
        assertEquals(1, sent.size());
        ProducerRecord<String, String> letter = sent.getFirst();
        assertEquals(DeadLetters.TOPIC, letter.topic());
        assertEquals("unsupported-version", header(letter, DeadLetters.REASON));
        assertEquals("drsuite.samples", header(letter, DeadLetters.SOURCE_TOPIC));
        assertEquals("7", header(letter, DeadLetters.SOURCE_PARTITION));
        assertEquals("42", header(letter, DeadLetters.SOURCE_OFFSET));
        assertEquals("test-service", header(letter, DeadLetters.CONSUMER));
        assertEquals(1.0, metrics.get("drsuite.events.dead.lettered").tag("service", "test-service")
                .tag("topic", "drsuite.samples").tag("reason", "unsupported-version").counter().count());
    }

    @Test
    void aPayloadThatDoesNotMatchTheContractIsDeadLetteredNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        queue.deliver(record(V1.type(), "{not json"), List.of(V1), event -> {
            attempts.incrementAndGet();
            throw new IncomingEvent.MalformedEventException(DeadLetterReason.BAD_PAYLOAD, "not JSON");
        });
        assertEquals(1, attempts.get());
        assertEquals("bad-payload", header(sent.getFirst(), DeadLetters.REASON));
        assertEquals("{not json", sent.getFirst().value());
    }

    @Test
    void aTypeThatIsNoEventTypeIsDeadLettered() {
        queue.deliver(record("garbage", "{}"), List.of(V1), event -> {
            throw new AssertionError("applied");
        });
        assertEquals("unknown-type", header(sent.getFirst(), DeadLetters.REASON));
    }

    private static ConsumerRecord<String, String> record(String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("drsuite.samples", 7, 42, "key", value);
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "test".getBytes(UTF_8));
        return record;
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }
}
