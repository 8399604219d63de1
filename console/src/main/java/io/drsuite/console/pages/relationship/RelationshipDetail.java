package io.drsuite.console.pages.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A relationship as relationship-service shows it, for the relationship page: its phase, both sides with their
 * gs_ddr state words, and the task in flight (null when none).
 */
public record RelationshipDetail(UUID id, String name, String phase, String syncMode, String primaryCluster,
        String primaryState, String drCluster, String drState, RunningTask task, String lastError,
        Integer rpoObjectiveSeconds, Integer rtoObjectiveSeconds) {

    /** The operation running on the relationship, as relationship-service last heard of it. */
    public record RunningTask(UUID id, String type, String step, int percent) {
    }

    static RelationshipDetail of(JsonNode view) {
        JsonNode primary = side(view, "primary");
        JsonNode dr = side(view, "disaster_standby");
        JsonNode task = view.path("currentTask");
        RunningTask running = task.isObject() ? new RunningTask(UUID.fromString(task.path("id").asText()),
                task.path("type").asText(), task.path("step").asText(null), task.path("percent").asInt()) : null;
        return new RelationshipDetail(UUID.fromString(view.path("id").asText()), view.path("name").asText(),
                view.path("phase").asText(), view.path("syncMode").asText(), primary.path("name").asText(),
                primary.path("state").asText(null), dr.path("name").asText(), dr.path("state").asText(null), running,
                view.path("lastError").asText(null), seconds(view.path("objectives").path("rpoObjectiveSeconds")),
                seconds(view.path("objectives").path("rtoObjectiveSeconds")));
    }

    private static Integer seconds(JsonNode value) {
        return value.isNumber() ? value.asInt() : null;
    }

    private static JsonNode side(JsonNode view, String role) {
        for (JsonNode cluster : view.path("clusters")) {
            if (role.equals(cluster.path("role").asText())) {
                return cluster;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
