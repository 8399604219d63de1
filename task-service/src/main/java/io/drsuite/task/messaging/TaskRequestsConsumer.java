package io.drsuite.task.messaging;

import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.task.engine.TaskIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads task requests from {@code drsuite.tasks}; the topic's other events (this service's own) are skipped. */
@ApplicationScoped
public class TaskRequestsConsumer {

    private final TaskIntake intake;

    TaskRequestsConsumer(TaskIntake intake) {
        this.intake = intake;
    }

    @Incoming("task-requests")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        intake.apply(IncomingEvent.from(record));
    }
}
