package io.drsuite.cli.commands.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.Settling;

/**
 * After drctl saw a cluster operation's task end in task-service, relationship-service learns it from the task's
 * finished event a moment later, and until then refuses the cluster's next operation as busy. Waiting for the
 * registry to let go of the task makes {@code drctl cluster switchover ... && drctl node rebuild ...} work in a
 * script.
 */
public final class ClusterOperationEnd {

    private ClusterOperationEnd() {
    }

    /**
     * Waits until the cluster no longer runs the task (at most 30 s; then it says so on stderr and returns).
     *
     * @return whether the registry caught up
     */
    public static boolean await(Cli cli, String cluster, String taskId) {
        JsonNode view = Settling.await(cli, Service.RELATIONSHIP, ApiPath.of("/api/v1/clusters/{}", cluster),
                document -> !runs(document, taskId), "relationship-service still shows task " + taskId
                        + " running on " + cluster + "; its next operation may be refused as busy for a moment");
        return !runs(view, taskId);
    }

    /** Whether the cluster document shows the task as its running operation. */
    static boolean runs(JsonNode cluster, String taskId) {
        JsonNode operation = cluster.path("operation");
        return !operation.isMissingNode() && !operation.isNull() && taskId.equals(operation.path("taskId").asText());
    }
}
