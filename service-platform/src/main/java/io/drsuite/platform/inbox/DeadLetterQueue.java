package io.drsuite.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.drsuite.events.DeadLetters;
import io.drsuite.events.EventType;
import io.drsuite.platform.inbox.IncomingEvent.MalformedEventException;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.outbox.KafkaEventPublisher;
import io.drsuite.platform.outbox.KafkaEventPublisher.PublishFailedException;
import io.drsuite.platform.outbox.OutboxConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How every consumer takes a record off Kafka, so one bad record cannot take a service down for good.
 *
 * <p>A record that cannot be read as an event the consumer handles (no CloudEvents headers, an unknown type, an
 * unsupported version, a payload that does not match the contract) would fail the same way on every delivery: it is
 * put on {@link DeadLetters#TOPIC} with the reason and its origin in headers, counted in
 * {@code drsuite_events_dead_lettered_total{service,topic,reason}}, and the consumer goes on with the next record.
 *
 * <p>Any other failure (the database is down, a lock times out) may pass: the record is applied again, a few times
 * with a pause, and if it still fails the failure stops the channel as before (readiness DOWN, the offset not
 * committed, the record read again after a restart). It is never dead-lettered.
 */
@ApplicationScoped
public class DeadLetterQueue {

    private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class);
    private static final int DETAIL_LIMIT = 1000;

    /** Sends a dead letter and waits for the broker's acknowledgement. */
    interface Sink {
        void send(ProducerRecord<String, String> record) throws PublishFailedException;
    }

    private final Sink sink;
    private final MeterRegistry registry;
    private final String service;
    private final int retries;
    private final Duration retryPause;

    @Inject
    DeadLetterQueue(KafkaEventPublisher publisher, OutboxConfig outbox, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "drsuite.events.apply-retries", defaultValue = "2") int retries,
            @ConfigProperty(name = "drsuite.events.apply-retry-pause", defaultValue = "1s") Duration retryPause) {
        this(record -> publisher.send(record, outbox.publishTimeout()), registry, service, retries, retryPause);
    }

    DeadLetterQueue(Sink sink, MeterRegistry registry, String service, int retries, Duration retryPause) {
        this.sink = sink;
        this.registry = registry;
        this.service = service;
        this.retries = retries;
        this.retryPause = retryPause;
    }

    /**
     * Reads the record as an event and hands it to {@code apply}, or dead-letters it when it cannot be read.
     *
     * @param handled the event types the consumer applies; another version of one of them is dead-lettered, other
     *     types are handed over for the consumer to skip
     * @param apply applies the event (in its own transaction, with the inbox); it may throw
     *     {@link MalformedEventException} when the payload does not match the contract
     */
    public void deliver(ConsumerRecord<String, String> record, Collection<EventType<?>> handled,
            Consumer<IncomingEvent> apply) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            event.requireKnownVersion(handled);
            // Changes made while applying the event carry its origin on, into their own events and tasks.
            ChangeOrigins.during(event.origin(), () -> applyWithRetries(event, apply));
        } catch (MalformedEventException malformed) {
            deadLetter(record, malformed);
        }
    }

    private void applyWithRetries(IncomingEvent event, Consumer<IncomingEvent> apply) {
        for (int attempt = 1; ; attempt++) {
            try {
                apply.accept(event);
                return;
            } catch (MalformedEventException malformed) {
                throw malformed;
            } catch (RuntimeException failure) {
                if (attempt > retries) {
                    throw failure;
                }
                LOG.warnf("Applying event %s (%s) failed, retry %d of %d in %s: %s", event.id(), event.type(),
                        attempt, retries, retryPause, failure.toString());
                pause(attempt);
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, MalformedEventException malformed) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        String detail = malformed.getMessage() == null ? "" : malformed.getMessage();
        headers.add(DeadLetters.REASON, bytes(malformed.reason().label()));
        headers.add(DeadLetters.DETAIL, bytes(detail.length() > DETAIL_LIMIT
                ? detail.substring(0, DETAIL_LIMIT) : detail));
        headers.add(DeadLetters.SOURCE_TOPIC, bytes(record.topic()));
        headers.add(DeadLetters.SOURCE_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(DeadLetters.SOURCE_OFFSET, bytes(Long.toString(record.offset())));
        headers.add(DeadLetters.CONSUMER, bytes(service));
        try {
            sink.send(new ProducerRecord<>(DeadLetters.TOPIC, null, record.key(), record.value(), headers));
        } catch (PublishFailedException e) {
            // Not acknowledged: fail the channel rather than lose the record; it is read again after a restart.
            throw new IllegalStateException("record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " cannot be read (" + malformed.reason().label() + ") and the dead-letter "
                    + "topic did not acknowledge it: " + e.getMessage(), e);
        }
        registry.counter("drsuite.events.dead.lettered", "service", service, "topic", record.topic(),
                "reason", malformed.reason().label()).increment();
        LOG.warnf("Record %s-%d@%d set aside on %s (%s): %s", record.topic(), record.partition(), record.offset(),
                DeadLetters.TOPIC, malformed.reason().label(), detail);
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(retryPause.multipliedBy(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to apply an event again", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(UTF_8);
    }
}
