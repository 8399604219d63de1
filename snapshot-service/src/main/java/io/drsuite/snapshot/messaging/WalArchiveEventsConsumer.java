package io.drsuite.snapshot.messaging;

import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.platform.inbox.DeadLetterQueue;
import io.drsuite.snapshot.wal.WalCatalog;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code drsuite.wal-archives}: the files task-service's streaming stored, for the catalog. */
@ApplicationScoped
public class WalArchiveEventsConsumer {

    private final WalCatalog catalog;
    private final DeadLetterQueue deadLetters;

    WalArchiveEventsConsumer(WalCatalog catalog, DeadLetterQueue deadLetters) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
    }

    @Incoming("wal-archive-events")
    @Blocking
    public void onWalArchiveEvent(ConsumerRecord<String, String> record) {
        deadLetters.deliver(record, List.of(WalEvents.SEGMENT_ARCHIVED), catalog::apply);
    }
}
