package io.drsuite.recyclebin.service;

import io.drsuite.events.recyclebin.BinEntryChanged;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.recyclebin.model.BinEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Announces bin entries on {@code drsuite.recyclebin}, in the transaction that records them. */
@ApplicationScoped
public class BinAnnouncer {

    private final EventOutbox outbox;

    BinAnnouncer(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Publishes the entry as it is now, with the event of the state it has reached. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(BinEntry entry) {
        outbox.record(entry.state.announcement(), entry.id.toString(), new BinEntryChanged(entry.id, entry.cluster,
                entry.database, entry.kind.wireName(), entry.originalSchema, entry.originalName, entry.binName,
                entry.state.wireName(), entry.restoredAs, entry.sizeBytes, entry.droppedBy, entry.expiresAt,
                Instant.now()));
    }
}
