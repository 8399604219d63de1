package io.drsuite.catalog;

import io.drsuite.platform.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code drsuite.clusters}. A record that cannot be applied fails the channel (the offset is not committed),
 * so the service reports itself not live and re-reads the record after a restart instead of losing it.
 */
@ApplicationScoped
public class ClusterEventsConsumer {

    private final ClusterCatalog catalog;

    ClusterEventsConsumer(ClusterCatalog catalog) {
        this.catalog = catalog;
    }

    @Incoming("cluster-events")
    @Blocking
    public void onClusterEvent(ConsumerRecord<String, String> record) {
        catalog.apply(IncomingEvent.from(record));
    }
}
