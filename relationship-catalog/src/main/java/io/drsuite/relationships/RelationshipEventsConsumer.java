package io.drsuite.relationships;

import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code drsuite.relationships}: which relationships exist and which cluster is primary in each. */
@ApplicationScoped
public class RelationshipEventsConsumer {

    private final RelationshipCatalog catalog;
    private final DeadLetterQueue deadLetters;

    RelationshipEventsConsumer(RelationshipCatalog catalog, DeadLetterQueue deadLetters) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
    }

    @Incoming("relationship-events")
    @Blocking
    public void onRelationshipEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(RelationshipEvents.CHANGED), catalog::apply);
    }
}
