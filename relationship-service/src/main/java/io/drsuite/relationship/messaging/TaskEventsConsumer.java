package io.drsuite.relationship.messaging;

import io.drsuite.events.task.TaskEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.relationship.drill.DrillFolding;
import io.drsuite.relationship.service.ClusterFolding;
import io.drsuite.relationship.service.RelationshipFolding;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code drsuite.tasks}: the progress and outcome of the tasks this service requested, DR tasks for their
 * relationship, cluster tasks ({@code cluster.*}) for their cluster and drill tasks ({@code drill.*}) for their drill.
 */
@ApplicationScoped
public class TaskEventsConsumer {

    private final RelationshipFolding folding;
    private final ClusterFolding clusterFolding;
    private final DrillFolding drillFolding;
    private final DeadLetterQueue deadLetters;

    TaskEventsConsumer(RelationshipFolding folding, ClusterFolding clusterFolding, DrillFolding drillFolding,
            DeadLetterQueue deadLetters) {
        this.folding = folding;
        this.clusterFolding = clusterFolding;
        this.drillFolding = drillFolding;
        this.deadLetters = deadLetters;
    }

    @Incoming("task-events")
    @Blocking
    public void onTaskEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(TaskEvents.PROGRESSED, TaskEvents.FINISHED), this::apply);
    }

    private void apply(IncomingEvent event) {
        if (drillFolding.handles(event)) {
            drillFolding.apply(event);
        } else if (clusterFolding.handles(event)) {
            clusterFolding.apply(event);
        } else {
            folding.apply(event);
        }
    }
}
