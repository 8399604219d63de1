package io.drsuite.relationships;

import io.drsuite.platform.inbox.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code drsuite.relationships}: which relationships exist and which cluster is primary in each. */
@ApplicationScoped
public class RelationshipEventsConsumer {

    private final RelationshipCatalog catalog;

    RelationshipEventsConsumer(RelationshipCatalog catalog) {
        this.catalog = catalog;
    }

    @Incoming("relationship-events")
    @Blocking
    public void onRelationshipEvent(ConsumerRecord<String, String> record) {
        catalog.apply(IncomingEvent.from(record));
    }
}
