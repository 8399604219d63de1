package io.drsuite.console.pages.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A task with its steps, their artifacts and its step log, and how it ended. */
public record TaskDetail(TaskSummary summary, int attempts, String failedStep, String error, boolean rolledBack,
        boolean cancelRequested, List<TaskStep> steps, List<TaskLogLine> log) {

    static TaskDetail of(JsonNode task) {
        List<TaskStep> steps = new ArrayList<>();
        task.path("steps").forEach(step -> steps.add(TaskStep.of(step)));
        List<TaskLogLine> log = new ArrayList<>();
        task.path("log").forEach(line -> log.add(TaskLogLine.of(line)));
        return new TaskDetail(TaskSummary.of(task), task.path("attempts").asInt(), task.path("failedStep").asText(null),
                task.path("error").asText(null), task.path("rolledBack").asBoolean(),
                task.path("cancelRequested").asBoolean(), steps, log);
    }

    /** Failed without rolling back: it can run again from its failed step. */
    public boolean resumable() {
        return "failed".equals(summary.state()) && !rolledBack;
    }

    /** Pending or running, and not asked to stop yet. */
    public boolean cancellable() {
        return ("pending".equals(summary.state()) || "running".equals(summary.state())) && !cancelRequested;
    }
}
