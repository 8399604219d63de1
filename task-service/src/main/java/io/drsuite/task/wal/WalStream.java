package io.drsuite.task.wal;

import io.drsuite.events.task.WalTasks;
import io.drsuite.task.engine.StepContext;
import java.util.UUID;

/**
 * What one {@code wal.stream} task streams, from its parameters: which cluster, into which storage location and key
 * prefix, through which slot and how.
 *
 * @param applicationName the name pg_receivewal connects with, the one {@code synchronous_standby_names} can list
 */
record WalStream(UUID archiveId, String cluster, String storage, String keyPrefix, String slot, boolean synchronous,
        String applicationName) {

    static final String DEFAULT_APPLICATION_NAME = "drsuite_wal_archive";

    static WalStream of(StepContext context) {
        UUID archiveId = UUID.fromString(context.parameter(WalTasks.ARCHIVE_ID));
        String slot = WalTasks.slotFor(archiveId);
        String named = context.parameters().get(WalTasks.SLOT);
        if (named != null && !named.equals(slot)) {
            // The stream ends walsenders on its slot and drops it: only a slot the archive's id names is its own.
            throw new IllegalArgumentException("the task names slot " + named + ", not the archive's own slot "
                    + slot);
        }
        String applicationName = context.parameters().get(WalTasks.APPLICATION_NAME);
        return new WalStream(archiveId, context.parameter(WalTasks.CLUSTER), context.parameter(WalTasks.STORAGE),
                context.parameter(WalTasks.KEY_PREFIX), slot,
                Boolean.parseBoolean(context.parameters().get(WalTasks.SYNCHRONOUS)),
                applicationName == null || applicationName.isBlank() ? DEFAULT_APPLICATION_NAME : applicationName);
    }
}
