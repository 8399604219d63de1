package io.drsuite.monitor.archive;

import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code drsuite.wal-archives}: each archive's state and continuity as snapshot-service announces them. */
@ApplicationScoped
public class WalArchiveEventsConsumer {

    private final WalArchiveStatuses statuses;
    private final DeadLetterQueue deadLetters;

    WalArchiveEventsConsumer(WalArchiveStatuses statuses, DeadLetterQueue deadLetters) {
        this.statuses = statuses;
        this.deadLetters = deadLetters;
    }

    @Incoming("wal-archive-events")
    @Blocking
    public void onWalArchiveEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(WalEvents.ARCHIVE_CHANGED), statuses::apply);
    }
}
