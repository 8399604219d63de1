package io.drsuite.relationship.model;

import io.drsuite.events.task.ClusterTasks;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The operations inside one cluster (openGauss's primary/standby {@code switchover}, {@code failover} and
 * {@code build}), each carried out by a task-service task of its type. A cluster runs one at a time.
 */
public enum ClusterOperation {

    SWITCHOVER(ClusterTasks.SWITCHOVER),
    FAILOVER(ClusterTasks.FAILOVER),
    REBUILD_NODE(ClusterTasks.REBUILD_NODE),
    ADD_NODE(ClusterTasks.ADD_NODE);

    private final String taskType;

    ClusterOperation(String taskType) {
        this.taskType = taskType;
    }

    public String taskType() {
        return taskType;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A switchover or failover: from its promote step on, another node is the primary. */
    public boolean movesPrimary() {
        return this == SWITCHOVER || this == FAILOVER;
    }

    /** Promotes a standby while the primary may still hold data: only an admin starts it, or resumes it. */
    public boolean adminOnly() {
        return this == FAILOVER;
    }

    public static Optional<ClusterOperation> ofTaskType(String taskType) {
        return Arrays.stream(values()).filter(operation -> operation.taskType.equals(taskType)).findFirst();
    }
}
