package io.drsuite.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.drsuite.events.CloudEventHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends one outbox event to Kafka as a binary-mode CloudEvent and waits until the broker acknowledges it.
 */
@ApplicationScoped
public class KafkaEventPublisher {

    /** The outgoing channel every service configures for its events; the topic comes from each record. */
    public static final String CHANNEL = "drsuite-events";

    private final Emitter<ProducerRecord<String, String>> emitter;
    private final String source;

    KafkaEventPublisher(@Channel(CHANNEL) Emitter<ProducerRecord<String, String>> emitter,
            @ConfigProperty(name = "quarkus.application.name") String source) {
        this.emitter = emitter;
        this.source = source;
    }

    void publish(OutboxEvent event, Duration timeout) throws PublishFailedException {
        send(toRecord(event), timeout);
    }

    /** Sends a record as it is (a dead letter, say) and waits until the broker acknowledges it. */
    public void send(ProducerRecord<String, String> record, Duration timeout) throws PublishFailedException {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<ProducerRecord<String, String>> message = Message.of(record)
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
            acknowledged.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException(e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new PublishFailedException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(e);
        }
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.ID, bytes(event.eventId.toString()));
        headers.add(CloudEventHeaders.SOURCE, bytes(source));
        headers.add(CloudEventHeaders.TYPE, bytes(event.eventType));
        headers.add(CloudEventHeaders.TIME, bytes(event.occurredAt.toString()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(event.aggregateId));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        if (event.correlationId != null) {
            headers.add(CloudEventHeaders.CORRELATION_ID, bytes(event.correlationId.toString()));
        }
        if (event.requestedBy != null) {
            headers.add(CloudEventHeaders.REQUESTED_BY, bytes(event.requestedBy));
        }
        return new ProducerRecord<>(event.topic, null, event.aggregateId, event.payload, headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(UTF_8);
    }

    /** The broker did not acknowledge a record; an outbox event stays in the outbox and is sent again. */
    public static final class PublishFailedException extends Exception {
        PublishFailedException(Throwable cause) {
            super(cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
