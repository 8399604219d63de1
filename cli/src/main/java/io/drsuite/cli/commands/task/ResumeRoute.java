package io.drsuite.cli.commands.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;

/**
 * Where a failed task is resumed. task-service refuses (409) a task that belongs to a DR relationship or that is an
 * operation inside a cluster: those are resumed through relationship-service, so the relationship's (or the
 * cluster's) state follows the task. The task's own document says which it is: a {@code relationshipId} parameter
 * (task-service's {@code DrTasks.RELATIONSHIP_ID}), or a type starting with {@code cluster.} and its {@code cluster}
 * parameter (task-service's {@code Task.belongsToCluster()}).
 *
 * @param owner what the resume goes through, for the message: "task", "relationship ID" or "cluster NAME"
 */
record ResumeRoute(Service service, ApiPath path, String owner) {

    static ResumeRoute of(JsonNode task) {
        JsonNode parameters = task.path("parameters");
        String type = task.path("type").asText("");
        String cluster = parameters.path("cluster").asText("");
        if (type.startsWith("cluster.") && !cluster.isEmpty()) {
            return new ResumeRoute(Service.RELATIONSHIP, ApiPath.of("/api/v1/clusters/{}/resume", cluster),
                    "cluster " + cluster);
        }
        String relationship = parameters.path("relationshipId").asText("");
        if (!relationship.isEmpty()) {
            String name = parameters.path("relationshipName").asText("");
            return new ResumeRoute(Service.RELATIONSHIP, ApiPath.of("/api/v1/relationships/{}/resume", relationship),
                    "relationship " + (name.isEmpty() ? relationship : name));
        }
        return new ResumeRoute(Service.TASK, ApiPath.of("/api/v1/tasks/{}/resume", task.path("id").asText()),
                "task-service");
    }
}
