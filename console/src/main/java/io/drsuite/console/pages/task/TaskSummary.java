package io.drsuite.console.pages.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DrTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A task as the list shows it: what it does, on what, where it stands and how long it took.
 *
 * @param relationshipId the DR relationship it works for, or null
 * @param cluster the cluster it operates inside (by name), or null
 */
public record TaskSummary(UUID id, String type, String target, String relationshipId, String cluster, String state,
        String currentStep, int percent, Instant createdAt, Instant startedAt, Instant finishedAt,
        String requestedBy) {

    static TaskSummary of(JsonNode task) {
        JsonNode parameters = task.path("parameters");
        return new TaskSummary(UUID.fromString(task.path("id").asText()), task.path("type").asText(),
                task.path("target").asText(null), parameters.path(DrTasks.RELATIONSHIP_ID).asText(null),
                task.path("type").asText().startsWith("cluster.") ? parameters.path(ClusterTasks.CLUSTER).asText(null)
                        : null,
                task.path("state").asText(), task.path("currentStep").asText(null), task.path("percent").asInt(),
                instant(task.path("createdAt")), instant(task.path("startedAt")), instant(task.path("finishedAt")),
                task.path("requestedBy").asText(null));
    }

    /** Seconds from start to finish (or to now while it runs); null before it starts. */
    public Double durationSeconds() {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt).toMillis() / 1000.0;
    }

    public boolean finished() {
        return "succeeded".equals(state) || "failed".equals(state) || "cancelled".equals(state);
    }

    /** The first eight characters of the id: what a user types to confirm Cancel or Resume. */
    public String shortId() {
        return shortId(id);
    }

    static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
