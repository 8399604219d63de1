package io.drsuite.relationship.messaging;

import io.drsuite.events.health.HealthEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.relationship.service.AutomaticFailovers;
import io.drsuite.relationship.service.AutomaticLocalFailovers;
import io.drsuite.relationship.service.RelationshipFolding;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code drsuite.health}: monitor-service's health words for each relationship, and failovers its automatic
 * policy asks for ({@link AutomaticFailovers} decides whether they are still to be acted on), and local failovers
 * (inside one cluster) its local policy asks for ({@link AutomaticLocalFailovers}).
 */
@ApplicationScoped
public class HealthEventsConsumer {

    private final RelationshipFolding folding;
    private final AutomaticFailovers failovers;
    private final AutomaticLocalFailovers localFailovers;
    private final DeadLetterQueue deadLetters;

    HealthEventsConsumer(RelationshipFolding folding, AutomaticFailovers failovers,
            AutomaticLocalFailovers localFailovers, DeadLetterQueue deadLetters) {
        this.folding = folding;
        this.failovers = failovers;
        this.localFailovers = localFailovers;
        this.deadLetters = deadLetters;
    }

    @Incoming("health-events")
    @Blocking
    public void onHealthEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(HealthEvents.RELATIONSHIP_HEALTH_CHANGED, HealthEvents.FAILOVER_REQUESTED,
                HealthEvents.LOCAL_FAILOVER_REQUESTED), this::apply);
    }

    private void apply(IncomingEvent event) {
        if (event.is(HealthEvents.FAILOVER_REQUESTED)) {
            failovers.apply(event);
        } else if (event.is(HealthEvents.LOCAL_FAILOVER_REQUESTED)) {
            localFailovers.apply(event);
        } else {
            folding.applyHealth(event);
        }
    }
}
