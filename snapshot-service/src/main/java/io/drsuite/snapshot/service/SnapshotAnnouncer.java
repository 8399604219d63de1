package io.drsuite.snapshot.service;

import io.drsuite.events.EventType;
import io.drsuite.events.snapshot.RestoreChanged;
import io.drsuite.events.snapshot.SnapshotChanged;
import io.drsuite.events.snapshot.SnapshotEvents;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.RestorePhase;
import io.drsuite.snapshot.model.SnapshotRestore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Announces snapshot and restore changes on {@code drsuite.snapshots}, in the transaction that makes them. */
@ApplicationScoped
public class SnapshotAnnouncer {

    /** The phase {@link SnapshotEvents#DELETED} announces: the entry is gone, so it has no phase of its own. */
    private static final String DELETED = "deleted";

    private final EventOutbox outbox;

    SnapshotAnnouncer(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void snapshot(EventType<SnapshotChanged> type, Snapshot snapshot) {
        String phase = type == SnapshotEvents.DELETED ? DELETED : snapshot.phase.wireName();
        outbox.record(type, snapshot.id.toString(), new SnapshotChanged(snapshot.id, snapshot.cluster,
                snapshot.kind.wireName(), snapshot.database, snapshot.tableList(), phase, snapshot.storage,
                snapshot.sizeBytes, snapshot.sha256, snapshot.policyId, snapshot.taskId, snapshot.error,
                Instant.now()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void restore(SnapshotRestore restore) {
        EventType<RestoreChanged> type = restore.phase == RestorePhase.COMPLETED ? SnapshotEvents.RESTORE_COMPLETED
                : SnapshotEvents.RESTORE_FAILED;
        outbox.record(type, restore.snapshotId.toString(), new RestoreChanged(restore.id, restore.snapshotId,
                restore.kind.wireName(), restore.targetCluster, restore.targetDatabase, restore.targetNode,
                restore.tableList(), restore.phase.wireName(), restore.taskId, restore.error, Instant.now()));
    }
}
