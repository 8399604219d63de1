package io.drsuite.task.engine;

import io.drsuite.events.task.TaskResult;
import io.drsuite.task.config.TaskConfig;
import io.drsuite.task.model.FailurePolicy;
import io.drsuite.task.model.StepState;
import io.drsuite.task.model.TaskStep;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs one claimed task from its first unfinished step to its end. Finished steps are skipped, so a task taken over
 * after a crash does not redo them. A failing step either rolls the task back or leaves it resumable, as its
 * definition declares.
 */
@ApplicationScoped
public class TaskExecution {

    private static final Logger LOG = Logger.getLogger(TaskExecution.class);
    private static final String RELEASE = "release";

    private final TaskStore store;
    private final TaskDefinitions definitions;
    private final TaskConfig config;
    private final MeterRegistry metrics;

    TaskExecution(TaskStore store, TaskDefinitions definitions, TaskConfig config, MeterRegistry metrics) {
        this.store = store;
        this.definitions = definitions;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Runs a task this instance just claimed.
     *
     * @param claimSentAtNanos {@link System#nanoTime()} just before the claim was sent: the lease is proven from then
     */
    public void run(UUID taskId, String owner, long claimSentAtNanos) {
        TaskLease lease = new TaskLease(taskId, owner, config.leaseTtl(), TaskLease.safetyMargin(config),
                claimSentAtNanos);
        String type = null;
        try (LeaseHeartbeat heartbeat = new LeaseHeartbeat(store, lease)) {
            TaskSnapshot task = TaskSnapshot.of(store.task(taskId));
            type = task.type();
            Optional<TaskDefinition> definition = definitions.find(task.type());
            if (definition.isEmpty()) {
                store.failedOutright(lease, "task-service cannot run tasks of type " + task.type());
                count(task.type(), TaskResult.FAILED);
                return;
            }
            TaskResult outcome = lease.guard(() -> runSteps(task, definition.get(), lease));
            if (outcome != null) {
                count(task.type(), outcome);
            } else {
                // Shutting down mid-step: hand the task back so an instance that starts takes it over at once.
                releaseQuietly(lease);
            }
        } catch (Exception e) {
            if (!lease.holds()) {
                fenced(lease, type, e);
            } else {
                // The control-plane database failed under us; another pass (here or elsewhere) resumes the task.
                LOG.errorf(e, "Task %s stopped on an internal error; it resumes when its lease expires", taskId);
            }
        }
    }

    /** Returns how the task ended, or null when it stopped without ending (shutdown). */
    private TaskResult runSteps(TaskSnapshot task, TaskDefinition definition, TaskLease lease) throws Exception {
        List<StepDefinition> stepDefinitions = definition.steps();
        List<TaskStep> rows = store.steps(task.id());
        Map<String, String> artifacts = new HashMap<>(store.artifacts(task.id()));
        int percentBefore = 0;
        for (int position = 0; position < stepDefinitions.size(); position++) {
            StepDefinition step = stepDefinitions.get(position);
            TaskStep row = rows.get(position);
            if (row.state == StepState.SUCCEEDED) {
                percentBefore = step.percentDone();
                continue;
            }
            if (step.safeToCancelBefore() && store.cancelRequested(task.id())) {
                release(definition, new RunningStep(store, task, position, RELEASE, percentBefore, percentBefore,
                        artifacts, lease));
                store.cancelled(lease);
                return TaskResult.CANCELLED;
            }
            prove(lease);
            store.stepStarted(lease, position);
            RunningStep context = new RunningStep(store, task, position, step.name(), percentBefore,
                    step.percentDone(), artifacts, lease);
            Instant started = Instant.now();
            try {
                context.remaining();
                step.action().execute(context);
            } catch (Exception e) {
                if (!lease.holds()) {
                    throw e;
                }
                if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                fail(task, definition, step, position, context, e, lease);
                return TaskResult.FAILED;
            }
            // A step that swallowed the fence (or ended just after it) is not recorded as done.
            lease.check();
            metrics.timer("drsuite.task.step.duration", "type", task.type(), "step", step.name())
                    .record(Duration.between(started, Instant.now()));
            store.stepSucceeded(lease, position, context.recorded(), step.percentDone());
            artifacts.putAll(context.recorded());
            percentBefore = step.percentDone();
            if (step.endsOnCancel() && store.cancelRequested(task.id())) {
                // It ran until it was told to stop: the task did what was asked of it, and ends as cancelled.
                release(definition, context);
                store.cancelled(lease);
                return TaskResult.CANCELLED;
            }
        }
        release(definition, new RunningStep(store, task, stepDefinitions.size() - 1, RELEASE, 100, 100, artifacts,
                lease));
        store.succeeded(lease);
        return TaskResult.SUCCEEDED;
    }

    private void fail(TaskSnapshot task, TaskDefinition definition, StepDefinition step, int position,
            RunningStep context, Exception cause, TaskLease lease) {
        String reason = reasonOf(cause);
        LOG.warnf("Task %s (%s) step %s failed: %s", task.id(), task.type(), step.name(), reason);
        boolean rolledBack = false;
        if (step.onFailure() == FailurePolicy.ROLLBACK) {
            // A rollback acts on the clusters like a step: only with the lease proven in the database just now.
            prove(lease);
            context.log("rolling back: " + reason);
            try {
                definition.rollback(context, step.name());
                rolledBack = true;
            } catch (Exception rollbackFailure) {
                lease.check();
                reason = reason + "; rolling back failed too: " + reasonOf(rollbackFailure);
            }
        }
        release(definition, context);
        store.failed(lease, position, reason, rolledBack);
    }

    /**
     * What the task holds outside its rows is released at every ending; a failure here changes no outcome. A fenced
     * instance releases nothing: its host executor and sessions refuse, and the instance that took over releases.
     */
    private static void release(TaskDefinition definition, StepContext context) {
        try {
            definition.release(context);
        } catch (Exception e) {
            LOG.warnf("Task %s (%s): releasing what it holds failed: %s", context.taskId(), context.type(),
                    reasonOf(e));
            context.log("could not release what the task holds: " + reasonOf(e));
        }
    }

    /**
     * Renews the lease with a conditional update (this instance's, not expired) before anything that acts on the
     * clusters begins; throws, fencing the task, when the database no longer shows it as this instance's.
     */
    private void prove(TaskLease lease) {
        lease.check();
        long sent = System.nanoTime();
        if (!store.renewLease(lease)) {
            lease.lose("the database no longer shows the task as this instance's (taken over, or its lease expired)");
        }
        lease.renewed(sent);
        lease.check();
    }

    private void fenced(TaskLease lease, String type, Exception stoppedBy) {
        LOG.warnf("Task %s fenced on this instance; stopped without recording anything more (%s; stopped %s)",
                lease.taskId(), lease.whyNotHeld(), reasonOf(stoppedBy));
        metrics.counter("drsuite.tasks.lease.lost", "type", type == null ? "unknown" : type).increment();
    }

    private void releaseQuietly(TaskLease lease) {
        UUID taskId = lease.taskId();
        try {
            store.releaseLease(lease);
        } catch (RuntimeException e) {
            LOG.debugf("Lease of task %s not released (%s); it expires on its own", taskId, e.getMessage());
        }
    }

    private void count(String type, TaskResult result) {
        metrics.counter("drsuite.tasks.finished", "type", type, "state", result.wireName()).increment();
    }

    static String reasonOf(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
