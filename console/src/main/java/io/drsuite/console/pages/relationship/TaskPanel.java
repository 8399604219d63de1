package io.drsuite.console.pages.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One task as its live panel shows it: each step with its state, times, artifacts and the log lines it wrote, the
 * progress, and once it ended, how (with the failed step and error).
 */
public record TaskPanel(UUID relationshipId, UUID id, String type, String state, String currentStep, int percent,
        Instant startedAt, Instant finishedAt, String failedStep, String error, boolean rolledBack,
        String requestedBy, List<Step> steps) {

    /** A step of the task and the log lines written while it ran. */
    public record Step(int position, String name, String state, Instant startedAt, Instant finishedAt,
            Map<String, String> artifacts, String error, List<LogLine> log) {

        /** Seconds from start to end (or to now while it runs), null before it starts. */
        public Double seconds() {
            return TaskPanel.seconds(startedAt, finishedAt);
        }
    }

    public record LogLine(Instant at, String message) {
    }

    /**
     * A task relationship-service accepted that task-service has not created yet (the request travels as an
     * event): shown as requested until its first step.
     */
    static TaskPanel requested(UUID relationshipId, UUID id, String type) {
        return new TaskPanel(relationshipId, id, type, "requested", null, 0, null, null, null, null, false, null,
                List.of());
    }

    static TaskPanel of(UUID relationshipId, JsonNode task) {
        Map<String, List<LogLine>> logByStep = new LinkedHashMap<>();
        for (JsonNode line : task.path("log")) {
            logByStep.computeIfAbsent(line.path("step").asText(""), step -> new ArrayList<>())
                    .add(new LogLine(instant(line.path("at")), line.path("message").asText()));
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : task.path("steps")) {
            Map<String, String> artifacts = new LinkedHashMap<>();
            step.path("artifacts").properties().forEach(entry -> artifacts.put(entry.getKey(),
                    entry.getValue().asText()));
            String name = step.path("name").asText();
            steps.add(new Step(step.path("position").asInt(), name, step.path("state").asText(),
                    instant(step.path("startedAt")), instant(step.path("finishedAt")), artifacts,
                    step.path("error").asText(null), logByStep.getOrDefault(name, List.of())));
        }
        return new TaskPanel(relationshipId, UUID.fromString(task.path("id").asText()), task.path("type").asText(),
                task.path("state").asText(), task.path("currentStep").asText(null), task.path("percent").asInt(),
                instant(task.path("startedAt")), instant(task.path("finishedAt")),
                task.path("failedStep").asText(null), task.path("error").asText(null),
                task.path("rolledBack").asBoolean(), task.path("requestedBy").asText(null), steps);
    }

    /** The operation's word: {@code dr.switchover} -> {@code switchover}. */
    public String kind() {
        return Operations.kind(type);
    }

    public boolean ended() {
        return finishedAt != null || "succeeded".equals(state) || "failed".equals(state)
                || "cancelled".equals(state);
    }

    public long stepsDone() {
        return steps.stream().filter(step -> "succeeded".equals(step.state()) || "skipped".equals(step.state()))
                .count();
    }

    public Double seconds() {
        return seconds(startedAt, finishedAt);
    }

    private static Double seconds(Instant from, Instant to) {
        if (from == null) {
            return null;
        }
        return Duration.between(from, to == null ? Instant.now() : to).toMillis() / 1000.0;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
