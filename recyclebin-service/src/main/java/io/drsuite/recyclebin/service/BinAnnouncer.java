package io.drsuite.recyclebin.service;

import io.drsuite.events.EventType;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(EventType<BinEntryChanged> type, BinEntry entry) {
        outbox.record(type, entry.id.toString(), new BinEntryChanged(entry.id, entry.cluster, entry.database,
                entry.kind, entry.originalSchema, entry.originalName, entry.binName, entry.state, entry.restoredAs,
                entry.sizeBytes, entry.droppedBy, entry.expiresAt, Instant.now()));
    }
}
