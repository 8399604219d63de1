package io.drsuite.relationship.messaging;

import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.relationship.service.RelationshipFolding;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code drsuite.health}: monitor-service's health words for each relationship. */
@ApplicationScoped
public class HealthEventsConsumer {

    private final RelationshipFolding folding;

    HealthEventsConsumer(RelationshipFolding folding) {
        this.folding = folding;
    }

    @Incoming("health-events")
    @Blocking
    public void onHealthEvent(ConsumerRecord<String, String> record) {
        folding.applyHealth(IncomingEvent.from(record));
    }
}
