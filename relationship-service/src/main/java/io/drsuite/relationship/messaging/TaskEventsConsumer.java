package io.drsuite.relationship.messaging;

import io.drsuite.events.task.TaskEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.drsuite.relationship.service.RelationshipFolding;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code drsuite.tasks}: the progress and outcome of the DR tasks this service requested. */
@ApplicationScoped
public class TaskEventsConsumer {

    private final RelationshipFolding folding;

    private final DeadLetterQueue deadLetters;

    TaskEventsConsumer(RelationshipFolding folding, DeadLetterQueue deadLetters) {
        this.folding = folding;
        this.deadLetters = deadLetters;
    }

    @Incoming("task-events")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(TaskEvents.PROGRESSED, TaskEvents.FINISHED), folding::apply);
    }
}
