package io.drsuite.relationship.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.health.FailoverRequested;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.service.RelationshipFolding;
import io.drsuite.relationship.service.RelationshipService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code drsuite.health}: monitor-service's health words for each relationship, and failovers its automatic
 * policy asks for. A requested failover goes through the same checks as a user's; a repeated request finds the
 * relationship failing over or failed over and changes nothing.
 */
@ApplicationScoped
public class HealthEventsConsumer {

    private static final Logger LOG = Logger.getLogger(HealthEventsConsumer.class);

    private final RelationshipFolding folding;
    private final RelationshipService relationships;
    private final ObjectMapper json;
    private final DeadLetterQueue deadLetters;

    HealthEventsConsumer(RelationshipFolding folding, RelationshipService relationships, ObjectMapper json,
            DeadLetterQueue deadLetters) {
        this.folding = folding;
        this.relationships = relationships;
        this.json = json;
        this.deadLetters = deadLetters;
    }

    @Incoming("health-events")
    @Blocking
    public void onHealthEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(HealthEvents.RELATIONSHIP_HEALTH_CHANGED, HealthEvents.FAILOVER_REQUESTED),
                this::apply);
    }

    private void apply(IncomingEvent event) {
        if (!event.is(HealthEvents.FAILOVER_REQUESTED)) {
            folding.applyHealth(event);
            return;
        }
        FailoverRequested request = event.payload(HealthEvents.FAILOVER_REQUESTED, json);
        try {
            var accepted = relationships.failover(request.relationshipId());
            LOG.warnf("Automatic failover of %s started (task %s): %s", accepted.relationship().name,
                    accepted.taskId(), request.reason());
        } catch (ProblemException refused) {
            LOG.infof("Automatic failover of %s not started: %s", request.relationshipId(),
                    refused.problem().detail());
        }
    }
}
