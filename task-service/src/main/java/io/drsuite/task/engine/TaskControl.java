package io.drsuite.task.engine;

import io.drsuite.platform.problem.ProblemException;
import io.drsuite.task.model.StepState;
import io.drsuite.task.model.Task;
import io.drsuite.task.model.TaskState;
import io.drsuite.task.model.TaskStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** What a user may ask of a task: cancel it at a safe point, or resume it after a failure that left it resumable. */
@ApplicationScoped
public class TaskControl {

    private final TaskStore store;
    private final TaskDefinitions definitions;
    private final Event<TaskIntake.TaskAccepted> resumed;

    TaskControl(TaskStore store, TaskDefinitions definitions, Event<TaskIntake.TaskAccepted> resumed) {
        this.store = store;
        this.definitions = definitions;
        this.resumed = resumed;
    }

    @Transactional
    public Task cancel(UUID taskId) {
        Task task = existing(taskId);
        if (task.state.isDone()) {
            throw ProblemException.conflict("task-finished",
                    "task " + taskId + " is " + task.state.wireName() + " and cannot be cancelled");
        }
        if (task.state == TaskState.PENDING && task.leaseOwner == null && task.attempts == 0) {
            store.cancelled(taskId);
            return Task.findById(taskId);
        }
        if (!hasSafePointAhead(task)) {
            throw ProblemException.conflict("task-not-cancellable",
                    "task " + taskId + " is in step " + task.currentStep
                            + " and has no step left where it can safely stop; it runs to its end");
        }
        task.cancelRequested = true;
        store.log(taskId, task.currentStep, "cancel requested; the task stops before its next safe step");
        return task;
    }

    @Transactional
    public Task resume(UUID taskId) {
        Task task = existing(taskId);
        if (task.state != TaskState.FAILED || task.rolledBack) {
            throw ProblemException.conflict("task-not-resumable",
                    "only a failed task that was not rolled back can be resumed; task " + taskId + " is "
                            + task.state.wireName() + (task.rolledBack ? " and rolled back" : ""));
        }
        TaskStep.update("state = ?1 where taskId = ?2 and state = ?3", StepState.PENDING, taskId, StepState.FAILED);
        task.setAsResumed();
        store.log(taskId, null, "resume requested; the task continues at step " + task.currentStep);
        resumed.fire(new TaskIntake.TaskAccepted(task));
        return task;
    }

    private boolean hasSafePointAhead(Task task) {
        List<StepDefinition> steps = definitions.find(task.type).map(TaskDefinition::steps).orElse(List.of());
        List<TaskStep> rows = TaskStep.list("taskId = ?1 order by position", task.id);
        for (int i = 0; i < steps.size() && i < rows.size(); i++) {
            if (rows.get(i).state != StepState.SUCCEEDED && rows.get(i).state != StepState.RUNNING
                    && steps.get(i).safeToCancelBefore()) {
                return true;
            }
        }
        return false;
    }

    private static Task existing(UUID taskId) {
        Task task = Task.findById(taskId);
        if (task == null) {
            throw ProblemException.notFound("task", "no task " + taskId);
        }
        return task;
    }
}
