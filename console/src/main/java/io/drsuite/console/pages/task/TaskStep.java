package io.drsuite.console.pages.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One step of a task: its state, how often it ran, when, what it recorded and why it failed. */
public record TaskStep(int position, String name, String state, String onFailure, int attempts, Instant startedAt,
        Instant finishedAt, List<TaskArtifact> artifacts, String error) {

    static TaskStep of(JsonNode step) {
        List<TaskArtifact> artifacts = new ArrayList<>();
        step.path("artifacts").properties().forEach(entry -> artifacts.add(TaskArtifact.of(entry.getKey(),
                entry.getValue().asText())));
        return new TaskStep(step.path("position").asInt(), step.path("name").asText(), step.path("state").asText(),
                step.path("onFailure").asText(null), step.path("attempts").asInt(),
                TaskSummary.instant(step.path("startedAt")), TaskSummary.instant(step.path("finishedAt")),
                artifacts, step.path("error").asText(null));
    }

    public Double durationSeconds() {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt).toMillis() / 1000.0;
    }
}
