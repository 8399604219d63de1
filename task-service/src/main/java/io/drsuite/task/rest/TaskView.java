package io.drsuite.task.rest;

import io.drsuite.platform.audit.RefersToTask;
import io.drsuite.task.model.Task;
import io.drsuite.task.model.TaskLogEntry;
import io.drsuite.task.model.TaskStep;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A task as the API shows it; steps and log only in the single-task view. */
public record TaskView(
        UUID id,
        String type,
        String target,
        List<String> clusters,
        Map<String, String> parameters,
        String state,
        String currentStep,
        int percent,
        int attempts,
        int timeoutSeconds,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String failedStep,
        String error,
        boolean rolledBack,
        boolean cancelRequested,
        String requestedBy,
        UUID correlationId,
        List<StepView> steps,
        List<LogLine> log) implements RefersToTask {

    @Override
    public UUID taskId() {
        return id;
    }

    /** A step with its state and artifacts. */
    public record StepView(int position, String name, String state, String onFailure, int attempts,
            Instant startedAt, Instant finishedAt, Map<String, String> artifacts, String error) {

        static StepView of(TaskStep step) {
            return new StepView(step.position, step.name, step.state.wireName(), step.onFailure.wireName(),
                    step.attempts, step.startedAt, step.finishedAt, step.artifacts, step.error);
        }
    }

    /** A line of the step log. */
    public record LogLine(Instant at, String step, String message) {

        static LogLine of(TaskLogEntry entry) {
            return new LogLine(entry.at, entry.step, entry.message);
        }
    }

    public static TaskView summary(Task task) {
        return of(task, null, null);
    }

    public static TaskView of(Task task, List<TaskStep> steps, List<TaskLogEntry> log) {
        return new TaskView(task.id, task.type, task.target, Arrays.asList(task.clusters), task.parameters,
                task.state.wireName(), task.currentStep, task.percent, task.attempts, task.timeoutSeconds,
                task.createdAt, task.startedAt, task.finishedAt, task.failedStep, task.error, task.rolledBack,
                task.cancelRequested, task.requestedBy, task.correlationId,
                steps == null ? null : steps.stream().map(StepView::of).toList(),
                log == null ? null : log.stream().map(LogLine::of).toList());
    }
}
