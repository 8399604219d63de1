package io.drsuite.catalog;

import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code drsuite.clusters}. A record that cannot be read is dead-lettered; one that cannot be applied (the
 * database is down) is retried and then fails the channel (the offset is not committed), so the service reports
 * itself not ready and re-reads the record after a restart instead of losing it.
 */
@ApplicationScoped
public class ClusterEventsConsumer {

    private final ClusterCatalog catalog;
    private final DeadLetterQueue deadLetters;

    ClusterEventsConsumer(ClusterCatalog catalog, DeadLetterQueue deadLetters) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
    }

    @Incoming("cluster-events")
    @Blocking
    public void onClusterEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(ClusterEvents.REGISTERED, ClusterEvents.CHANGED, ClusterEvents.REMOVED), catalog::apply);
    }
}
