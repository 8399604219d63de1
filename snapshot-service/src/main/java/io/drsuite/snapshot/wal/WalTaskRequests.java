package io.drsuite.snapshot.wal;

import io.drsuite.events.task.TaskCancelRequested;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.events.task.WalTasks;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.snapshot.config.SnapshotConfig;
import io.drsuite.snapshot.model.WalArchive;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Starts and stops an archive's {@code wal.stream} task through the outbox, in the transaction that records the
 * change. The task holds {@link WalTasks#streamLock}: one streaming per cluster, other tasks on the cluster not
 * blocked.
 */
@ApplicationScoped
public class WalTaskRequests {

    private final EventOutbox outbox;
    private final SnapshotConfig config;

    WalTaskRequests(EventOutbox outbox, SnapshotConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stream(WalArchive archive) {
        Map<String, String> parameters = Map.of(
                WalTasks.ARCHIVE_ID, archive.id.toString(),
                WalTasks.CLUSTER, archive.cluster,
                WalTasks.STORAGE, archive.storage,
                WalTasks.KEY_PREFIX, archive.keyPrefix,
                WalTasks.SLOT, WalTasks.slotFor(archive.id),
                WalTasks.SYNCHRONOUS, String.valueOf(archive.synchronous),
                WalTasks.APPLICATION_NAME, applicationName(archive));
        outbox.record(TaskEvents.REQUESTED, archive.taskId.toString(), new TaskRequested(archive.taskId,
                WalTasks.STREAM, archive.id.toString(), List.of(WalTasks.streamLock(archive.cluster)), parameters,
                (int) Math.min(Integer.MAX_VALUE, config.walStreamTimeout().toSeconds()), Instant.now()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(WalArchive archive, String requestedBy) {
        outbox.record(TaskEvents.CANCEL_REQUESTED, archive.taskId.toString(), new TaskCancelRequested(
                archive.taskId, archive.id.toString(), requestedBy, Instant.now()));
    }

    /** The name pg_receivewal connects with; the one to list in {@code synchronous_standby_names}. */
    public static String applicationName(WalArchive archive) {
        return WalTasks.slotFor(archive.id);
    }
}
