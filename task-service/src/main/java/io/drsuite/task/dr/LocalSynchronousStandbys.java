package io.drsuite.task.dr;

import io.drsuite.clusterclient.sql.SynchronousStandbyNames;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.task.engine.StepContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code synchronous_standby_names} for the primary a task leaves behind: the local synchronous standbys the task
 * carries ({@link ClusterTasks#SYNC_STANDBY_COUNT} of {@link ClusterTasks#SYNC_STANDBY_NODES}, the primary itself
 * left out) and the DR main standby of a synchronous relationship, together ({@link SynchronousStandbyNames}).
 * Node tasks and DR tasks write it alike, so neither drops what the other set.
 */
public final class LocalSynchronousStandbys {

    private LocalSynchronousStandbys() {
    }

    public static Optional<String> value(StepContext context, String primaryNode, Optional<String> drStandby) {
        int count = Optional.ofNullable(context.parameters().get(ClusterTasks.SYNC_STANDBY_COUNT))
                .filter(value -> !value.isBlank()).map(Integer::parseInt).orElse(0);
        List<String> local = Arrays.stream(context.parameters().getOrDefault(ClusterTasks.SYNC_STANDBY_NODES, "")
                .split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .filter(name -> !name.equals(primaryNode)).map(ClusterTasks::standbyName).toList();
        return SynchronousStandbyNames.of(count, local, drStandby);
    }
}
