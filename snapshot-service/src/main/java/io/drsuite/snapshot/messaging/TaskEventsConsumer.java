package io.drsuite.snapshot.messaging;

import io.drsuite.events.task.TaskEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.drsuite.snapshot.service.SnapshotFolding;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code drsuite.tasks}: the progress and outcome of the snapshot tasks this service requested. */
@ApplicationScoped
public class TaskEventsConsumer {

    private final SnapshotFolding folding;

    private final DeadLetterQueue deadLetters;

    TaskEventsConsumer(SnapshotFolding folding, DeadLetterQueue deadLetters) {
        this.folding = folding;
        this.deadLetters = deadLetters;
    }

    @Incoming("task-events")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(TaskEvents.PROGRESSED, TaskEvents.FINISHED), folding::apply);
    }
}
