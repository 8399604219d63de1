package io.drsuite.relationship.messaging;

import io.drsuite.events.drill.DrillEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.drsuite.relationship.drill.DrillFolding;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code drsuite.drills} for snapshot-service's answer to a restore test it could not start; the drill ends
 * failed with the reason. (This service's own drill events on the topic are not for it.)
 */
@ApplicationScoped
public class DrillEventsConsumer {

    private final DrillFolding folding;
    private final DeadLetterQueue deadLetters;

    DrillEventsConsumer(DrillFolding folding, DeadLetterQueue deadLetters) {
        this.folding = folding;
        this.deadLetters = deadLetters;
    }

    @Incoming("drill-events")
    @Blocking
    public void onDrillEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(DrillEvents.RESTORE_TEST_REFUSED), folding::refused);
    }
}
