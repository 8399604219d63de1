package io.drsuite.relationship.rest;

import io.drsuite.platform.audit.RefersToTask;
import java.util.UUID;

/** The answer to an accepted operation inside a cluster: the task to follow and the cluster as it is now. */
public record ClusterOperationAccepted(UUID taskId, ClusterView cluster) implements RefersToTask {
}
