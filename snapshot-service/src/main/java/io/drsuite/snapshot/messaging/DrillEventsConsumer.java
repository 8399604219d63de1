package io.drsuite.snapshot.messaging;

import io.drsuite.events.drill.DrillEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.drsuite.snapshot.drill.RestoreTestService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code drsuite.drills}: the restore tests relationship-service hands over; other drill events pass by. */
@ApplicationScoped
public class DrillEventsConsumer {

    private final RestoreTestService restoreTests;
    private final DeadLetterQueue deadLetters;

    DrillEventsConsumer(RestoreTestService restoreTests, DeadLetterQueue deadLetters) {
        this.restoreTests = restoreTests;
        this.deadLetters = deadLetters;
    }

    @Incoming("drill-events")
    @Blocking
    public void onDrillEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(DrillEvents.RESTORE_TEST_REQUESTED), restoreTests::apply);
    }
}
