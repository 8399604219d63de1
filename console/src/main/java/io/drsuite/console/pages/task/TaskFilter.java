package io.drsuite.console.pages.task;

import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.SnapshotTasks;
import java.util.List;

/**
 * The task list's filter, from the page's query (so a filtered list can be bookmarked). task-service filters by
 * state; the type is matched here, on the page of newest tasks.
 *
 * @param state one of {@link #STATES}, or null for all
 * @param type one of {@link #TYPES}, or null for all
 */
public record TaskFilter(String state, String type) {

    public static final List<String> STATES = List.of("pending", "running", "succeeded", "failed", "cancelled");

    public static final List<String> TYPES = List.of(DrTasks.START, DrTasks.SWITCHOVER, DrTasks.FAILOVER,
            DrTasks.REPROTECT, DrTasks.STOP, ClusterTasks.SWITCHOVER, ClusterTasks.FAILOVER,
            ClusterTasks.REBUILD_NODE, ClusterTasks.ADD_NODE, SnapshotTasks.PHYSICAL_BACKUP,
            SnapshotTasks.LOGICAL_BACKUP, SnapshotTasks.VERIFY, SnapshotTasks.LOGICAL_RESTORE,
            SnapshotTasks.PHYSICAL_RESTORE);

    /** A state or type the form did not offer is ignored rather than refused. */
    static TaskFilter of(String state, String type) {
        return new TaskFilter(state != null && STATES.contains(state) ? state : null,
                type != null && TYPES.contains(type) ? type : null);
    }

    boolean matchesType(String taskType) {
        return type == null || type.equals(taskType);
    }

    public List<String> states() {
        return STATES;
    }

    public List<String> types() {
        return TYPES;
    }

    public boolean stateIs(String candidate) {
        return candidate.equals(state);
    }

    public boolean typeIs(String candidate) {
        return candidate.equals(type);
    }
}
