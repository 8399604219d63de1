package io.drsuite.task.engine;

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

    public void run(UUID taskId, String owner) {
        TaskSnapshot task = TaskSnapshot.of(store.task(taskId));
        Optional<TaskDefinition> definition = definitions.find(task.type());
        if (definition.isEmpty()) {
            store.failedOutright(taskId, "task-service cannot run tasks of type " + task.type());
            count(task.type(), "failed");
            return;
        }
        long leaseSeconds = config.leaseTtl().toSeconds();
        try (LeaseHeartbeat lease = new LeaseHeartbeat(store, taskId, owner, leaseSeconds)) {
            String outcome = runSteps(task, definition.get(), lease);
            if (outcome != null) {
                count(task.type(), outcome);
            } else {
                // Shutting down mid-step: hand the task back so an instance that starts takes it over at once.
                releaseQuietly(taskId, owner);
            }
        } catch (LeaseLostException e) {
            LOG.warnf("Task %s: %s", taskId, e.getMessage());
        } catch (RuntimeException e) {
            // The control-plane database failed under us; another pass (here or elsewhere) resumes the task.
            LOG.errorf(e, "Task %s stopped on an internal error; it resumes when its lease expires", taskId);
        }
    }

    /** Returns the task's end state, or null when it stopped without ending (shutdown). */
    private String runSteps(TaskSnapshot task, TaskDefinition definition, LeaseHeartbeat lease) {
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
            lease.check();
            if (step.safeToCancelBefore() && store.cancelRequested(task.id())) {
                release(definition, new RunningStep(store, task, position, RELEASE, percentBefore, percentBefore,
                        artifacts, lease));
                store.cancelled(task.id());
                return "cancelled";
            }
            store.stepStarted(task.id(), position);
            RunningStep context = new RunningStep(store, task, position, step.name(), percentBefore,
                    step.percentDone(), artifacts, lease);
            Instant started = Instant.now();
            try {
                context.remaining();
                step.action().execute(context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (LeaseLostException e) {
                throw e;
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    return null;
                }
                fail(task, definition, step, position, context, e);
                return "failed";
            }
            metrics.timer("drsuite.task.step.duration", "type", task.type(), "step", step.name())
                    .record(Duration.between(started, Instant.now()));
            store.stepSucceeded(task.id(), position, context.recorded(), step.percentDone());
            artifacts.putAll(context.recorded());
            percentBefore = step.percentDone();
        }
        release(definition, new RunningStep(store, task, stepDefinitions.size() - 1, RELEASE, 100, 100, artifacts,
                lease));
        store.succeeded(task.id());
        return "succeeded";
    }

    private void fail(TaskSnapshot task, TaskDefinition definition, StepDefinition step, int position,
            RunningStep context, Exception cause) {
        String reason = reasonOf(cause);
        LOG.warnf("Task %s (%s) step %s failed: %s", task.id(), task.type(), step.name(), reason);
        boolean rolledBack = false;
        if (step.onFailure() == FailurePolicy.ROLLBACK) {
            context.log("rolling back: " + reason);
            try {
                definition.rollback(context, step.name());
                rolledBack = true;
            } catch (Exception rollbackFailure) {
                reason = reason + "; rolling back failed too: " + reasonOf(rollbackFailure);
            }
        }
        release(definition, context);
        store.failed(task.id(), position, reason, rolledBack);
    }

    /** What the task holds outside its rows is released at every ending; a failure here changes no outcome. */
    private static void release(TaskDefinition definition, StepContext context) {
        try {
            definition.release(context);
        } catch (Exception e) {
            LOG.warnf("Task %s (%s): releasing what it holds failed: %s", context.taskId(), context.type(),
                    reasonOf(e));
            context.log("could not release what the task holds: " + reasonOf(e));
        }
    }

    private void releaseQuietly(UUID taskId, String owner) {
        try {
            store.releaseLease(taskId, owner);
        } catch (RuntimeException e) {
            LOG.debugf("Lease of task %s not released (%s); it expires on its own", taskId, e.getMessage());
        }
    }

    private void count(String type, String state) {
        metrics.counter("drsuite.tasks.finished", "type", type, "state", state).increment();
    }

    static String reasonOf(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
