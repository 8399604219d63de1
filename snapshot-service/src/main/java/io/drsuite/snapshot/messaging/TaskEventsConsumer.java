package io.drsuite.snapshot.messaging;

import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.snapshot.service.SnapshotFolding;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code drsuite.tasks}: the progress and outcome of the snapshot tasks this service requested. */
@ApplicationScoped
public class TaskEventsConsumer {

    private final SnapshotFolding folding;

    TaskEventsConsumer(SnapshotFolding folding) {
        this.folding = folding;
    }

    @Incoming("task-events")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        folding.apply(IncomingEvent.from(record));
    }
}
