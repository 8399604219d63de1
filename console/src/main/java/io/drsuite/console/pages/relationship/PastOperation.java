package io.drsuite.console.pages.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An operation that ran on the relationship: what, who asked, when, how long and how it ended. */
public record PastOperation(UUID taskId, String type, String state, String requestedBy, Instant startedAt,
        Instant finishedAt, String failedStep, String error) {

    static PastOperation of(JsonNode task) {
        return new PastOperation(UUID.fromString(task.path("id").asText()), task.path("type").asText(),
                task.path("state").asText(), task.path("requestedBy").asText(null),
                instant(task.path("startedAt"), task.path("createdAt")), instant(task.path("finishedAt"), null),
                task.path("failedStep").asText(null), task.path("error").asText(null));
    }

    public Double seconds() {
        return startedAt == null || finishedAt == null ? null
                : Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
    }

    /** The operation's word: {@code dr.switchover} -> {@code switchover}. */
    public String kind() {
        return Operations.kind(type);
    }

    public boolean ended() {
        return finishedAt != null;
    }

    private static Instant instant(JsonNode node, JsonNode fallback) {
        if (node.isTextual()) {
            return Instant.parse(node.asText());
        }
        return fallback != null && fallback.isTextual() ? Instant.parse(fallback.asText()) : null;
    }
}
