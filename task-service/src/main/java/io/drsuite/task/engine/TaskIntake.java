package io.drsuite.task.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskRequested;
import io.drsuite.platform.audit.AuditEntry;
import io.drsuite.platform.audit.AuditLog;
import io.drsuite.platform.audit.AuditOutcome;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.platform.origin.ChangeOrigin;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.task.model.StepState;
import io.drsuite.task.model.Task;
import io.drsuite.task.model.TaskState;
import io.drsuite.task.model.TaskStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns task requests from {@code drsuite.tasks} into task rows with one row per step, each request once, with the
 * requester and correlation id the request's event carries (also in an audit record of this service). A type
 * this service does not know becomes a failed task, so its requester hears why. A requester's resume request
 * ({@code TaskResumeRequested}) or cancel request ({@code TaskCancelRequested}) is handed to {@link TaskControl},
 * also once.
 */
@ApplicationScoped
public class TaskIntake {

    private static final Logger LOG = Logger.getLogger(TaskIntake.class);

    private final EventInbox inbox;
    private final TaskDefinitions definitions;
    private final TaskStore store;
    private final TaskRunner runner;
    private final ObjectMapper json;
    private final Event<TaskAccepted> accepted;
    private final TaskControl control;
    private final AuditLog audit;

    TaskIntake(EventInbox inbox, TaskDefinitions definitions, TaskStore store, TaskRunner runner, ObjectMapper json,
            Event<TaskAccepted> accepted, TaskControl control, AuditLog audit) {
        this.control = control;
        this.audit = audit;
        this.inbox = inbox;
        this.definitions = definitions;
        this.store = store;
        this.runner = runner;
        this.json = json;
        this.accepted = accepted;
    }

    /** Fired when a new task is committed, so the runner starts it at once. */
    public record TaskAccepted(Task task) {
    }

    @Transactional
    public void apply(IncomingEvent event) {
        boolean resume = event.is(TaskEvents.RESUME_REQUESTED);
        boolean cancel = event.is(TaskEvents.CANCEL_REQUESTED);
        if (!resume && !cancel && !event.is(TaskEvents.REQUESTED) || !inbox.firstDelivery(event)) {
            return;
        }
        if (resume) {
            control.resumeRequested(event.payload(TaskEvents.RESUME_REQUESTED, json));
            return;
        }
        if (cancel) {
            control.cancelRequested(event.payload(TaskEvents.CANCEL_REQUESTED, json));
            return;
        }
        TaskRequested request = event.payload(TaskEvents.REQUESTED, json);
        if (Task.findById(request.taskId()) != null) {
            return;
        }
        Task task = new Task();
        task.id = request.taskId();
        task.type = request.type();
        task.target = request.target();
        task.clusters = request.clusters().toArray(String[]::new);
        task.parameters = request.parameters();
        task.timeoutSeconds = request.timeoutSeconds();
        task.createdAt = Instant.now();
        task.state = TaskState.PENDING;
        ChangeOrigin origin = ChangeOrigins.current();
        task.requestedBy = origin.requestedBy();
        task.correlationId = origin.correlationId();
        if (task.belongsToRelationship() || task.belongsToCluster()) {
            // A DR or node task acts on the clusters as they were when it was requested: one read late (held while Kafka
            // was down, or replayed) must not run its full timeout from now.
            task.deadline = request.requestedAt().plusSeconds(request.timeoutSeconds());
        }
        task.persist();
        Optional<TaskDefinition> definition = definitions.find(request.type());
        List<StepDefinition> steps = definition.map(TaskDefinition::steps).orElse(List.of());
        for (int position = 0; position < steps.size(); position++) {
            TaskStep step = new TaskStep();
            step.taskId = task.id;
            step.position = position;
            step.name = steps.get(position).name();
            step.onFailure = steps.get(position).onFailure();
            step.state = StepState.PENDING;
            step.persist();
        }
        LOG.infof("Task %s (%s for %s) accepted", task.id, task.type, task.target);
        audit.record(new AuditEntry("accept task " + task.type, "tasks/" + task.id, AuditOutcome.ACCEPTED, null,
                null, null, task.id, origin.correlationId(), origin.requestedBy() == null ? AuditEntry.SUITE
                        : origin.requestedBy(), null, List.of(), event.source(), null, null));
        if (definition.isEmpty()) {
            store.failedOutright(task.id, "task-service cannot run tasks of type " + task.type);
            return;
        }
        accepted.fire(new TaskAccepted(task));
    }

    void startAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskAccepted event) {
        runner.wake();
    }
}
