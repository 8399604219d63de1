package io.drsuite.task.messaging;

import io.drsuite.events.task.TaskEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.drsuite.task.engine.TaskIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads task requests, and requesters' resume and cancel requests, from {@code drsuite.tasks}; the topic's other
 * events (this service's own) are skipped.
 */
@ApplicationScoped
public class TaskRequestsConsumer {

    private final TaskIntake intake;
    private final DeadLetterQueue deadLetters;

    TaskRequestsConsumer(TaskIntake intake, DeadLetterQueue deadLetters) {
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    @Incoming("task-requests")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(TaskEvents.REQUESTED, TaskEvents.RESUME_REQUESTED,
                TaskEvents.CANCEL_REQUESTED), intake::apply);
    }
}
