package io.drsuite.task.engine;

import io.drsuite.events.task.TaskCancelRequested;
import io.drsuite.events.task.TaskResumeRequested;
import io.drsuite.platform.origin.ChangeOrigins;
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
import org.jboss.logging.Logger;

/**
 * What a user (or a task's requester, by event) may ask of a task: cancel it at a safe point, or resume it after a
 * failure that left it resumable.
 */
@ApplicationScoped
public class TaskControl {

    private static final Logger LOG = Logger.getLogger(TaskControl.class);

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
        if (!cancellable(task)) {
            throw ProblemException.conflict("task-not-cancellable",
                    "task " + taskId + " is in step " + task.currentStep
                            + " and has no step left where it can safely stop; it runs to its end");
        }
        return cancelNow(task, ChangeOrigins.current().requestedBy());
    }

    /**
     * The requester's cancel ({@code TaskCancelRequested}), applied like a user's: a task that cannot stop runs on
     * (the refusal is in its log); one that has ended announces its end again, so a requester waiting for it hears
     * where it stands.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelRequested(TaskCancelRequested request) {
        Task task = Task.findById(request.taskId());
        if (task == null || !task.target.equals(request.target())) {
            LOG.warnf("Cancel of task %s for %s requested by %s refused: no such task for that target",
                    request.taskId(), request.target(), request.requestedBy());
            return;
        }
        LOG.infof("Cancel of task %s (%s for %s) requested by %s", task.id, task.type, task.target,
                request.requestedBy());
        if (task.state.isDone()) {
            store.announceFinished(task);
        } else if (!cancellable(task)) {
            store.log(task.id, task.currentStep, "cancel requested by " + request.requestedBy() + " refused: step "
                    + task.currentStep + " has no step left where it can safely stop; it runs to its end");
        } else if (!task.cancelRequested) {
            cancelNow(task, request.requestedBy());
        }
    }

    private Task cancelNow(Task task, String requestedBy) {
        String by = requestedBy == null ? "" : " by " + requestedBy;
        if (task.state == TaskState.PENDING && task.leaseOwner == null && task.attempts == 0) {
            store.log(task.id, null, "cancel requested" + by);
            store.cancelled(task.id);
            return Task.findById(task.id);
        }
        task.cancelRequested = true;
        store.log(task.id, task.currentStep, "cancel requested" + by + "; the task stops "
                + (endsOnCancel(task) ? "when its running step sees the request" : "before its next safe step"));
        return task;
    }

    /**
     * A user's resume. A task that belongs to a DR relationship is refused here: resumed behind the relationship's
     * back, its outcome would be ignored and the relationship's state machine bypassed.
     */
    @Transactional
    public Task resume(UUID taskId) {
        Task task = existing(taskId);
        if (task.belongsToCluster()) {
            throw ProblemException.conflict("resume-through-cluster", "task " + taskId + " is an operation inside "
                    + "cluster " + task.clusterName() + "; resume it with POST /api/v1/clusters/" + task.clusterName()
                    + "/resume (relationship-service), so the cluster's registry follows it");
        }
        if (task.belongsToRelationship()) {
            throw ProblemException.conflict("resume-through-relationship", "task " + taskId + " belongs to DR "
                    + "relationship " + task.relationshipId() + "; resume it with POST /api/v1/relationships/"
                    + task.relationshipId() + "/resume (relationship-service), so the relationship follows it");
        }
        return resumeNow(task);
    }

    /**
     * The requester's resume ({@code TaskResumeRequested}). A task that cannot be resumed but has ended announces
     * its end again, so a requester waiting for it hears where it stands.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resumeRequested(TaskResumeRequested request) {
        Task task = Task.findById(request.taskId());
        if (task == null || !task.target.equals(request.target())) {
            LOG.warnf("Resume of task %s for %s refused: no such task for that target", request.taskId(),
                    request.target());
            return;
        }
        if (task.isResumable()) {
            resumeNow(task);
        } else if (task.state.isDone()) {
            LOG.infof("Task %s is %s and cannot be resumed; its end is announced again", task.id,
                    task.state.wireName());
            store.announceFinished(task);
        }
    }

    private Task resumeNow(Task task) {
        if (!task.isResumable()) {
            throw ProblemException.conflict("task-not-resumable",
                    "only a failed task that was not rolled back can be resumed; task " + task.id + " is "
                            + task.state.wireName() + (task.rolledBack ? " and rolled back" : ""));
        }
        TaskStep.update("state = ?1 where taskId = ?2 and state = ?3", StepState.PENDING, task.id, StepState.FAILED);
        task.setAsResumed();
        store.log(task.id, null, "resume requested; the task continues at step " + task.currentStep);
        resumed.fire(new TaskIntake.TaskAccepted(task));
        return task;
    }

    /** Pending and never run, or a step left where it may stop: before a safe step, or one that ends on cancel. */
    private boolean cancellable(Task task) {
        if (task.state == TaskState.PENDING && task.leaseOwner == null && task.attempts == 0) {
            return true;
        }
        List<StepDefinition> steps = definitions.find(task.type).map(TaskDefinition::steps).orElse(List.of());
        List<TaskStep> rows = TaskStep.list("taskId = ?1 order by position", task.id);
        for (int i = 0; i < steps.size() && i < rows.size(); i++) {
            StepState state = rows.get(i).state;
            if (state != StepState.SUCCEEDED && (steps.get(i).endsOnCancel()
                    || state != StepState.RUNNING && steps.get(i).safeToCancelBefore())) {
                return true;
            }
        }
        return false;
    }

    private boolean endsOnCancel(Task task) {
        return definitions.find(task.type).map(definition -> definition.steps().stream()
                .anyMatch(StepDefinition::endsOnCancel)).orElse(false);
    }

    private static Task existing(UUID taskId) {
        Task task = Task.findById(taskId);
        if (task == null) {
            throw ProblemException.notFound("task", "no task " + taskId);
        }
        return task;
    }
}
