package io.drsuite.task.engine;

import io.drsuite.events.EventType;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.task.model.StepState;
import io.drsuite.task.model.Task;
import io.drsuite.task.model.TaskLogEntry;
import io.drsuite.task.model.TaskStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every change of a task's rows, each in its own transaction together with the event that announces it, so what a
 * step finished is committed before the next one starts.
 */
@ApplicationScoped
public class TaskStore {

    private static final String CLAIM = """
            update task t
               set lease_owner = :owner,
                   lease_expires_at = now() + make_interval(secs => :ttl),
                   state = 'RUNNING',
                   attempts = t.attempts + 1,
                   started_at = coalesce(t.started_at, now()),
                   deadline = coalesce(t.deadline, now() + make_interval(secs => t.timeout_seconds))
             where t.id = (
                   select c.id from task c
                    where c.state in ('PENDING', 'RUNNING')
                      and (c.lease_expires_at is null or c.lease_expires_at < now())
                      and (c.type in (:continuousTypes)) = :continuous
                      and not exists (select 1 from task o
                                       where o.id <> c.id and o.state in ('PENDING', 'RUNNING')
                                         and o.created_at < c.created_at and o.clusters && c.clusters)
                    order by c.created_at
                    limit 1
                    for update skip locked)
            returning t.id""";

    private final EntityManager entityManager;
    private final EventOutbox outbox;

    TaskStore(EntityManager entityManager, EventOutbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    /**
     * Takes the oldest runnable task whose clusters no older unfinished task holds (one writer per cluster), with a
     * lease for this instance. A running task whose lease expired (its instance died) is runnable again.
     *
     * @param continuousTypes the task types that run until cancelled (never empty)
     * @param continuous whether to take one of those, or an operation
     */
    @Transactional
    public Optional<UUID> claimNext(String owner, long leaseSeconds, Set<String> continuousTypes,
            boolean continuous) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(CLAIM, UUID.class)
                .setParameter("owner", owner)
                .setParameter("ttl", (double) leaseSeconds)
                .setParameter("continuousTypes", continuousTypes)
                .setParameter("continuous", continuous)
                .getResultList();
        return ids.stream().findFirst();
    }

    /**
     * Extends this instance's lease, only while it still holds it: the owner is this instance and the lease has not
     * expired (once expired, another instance may already have claimed the task). False when it does not hold it.
     */
    @Transactional
    public boolean renewLease(TaskLease lease) {
        return entityManager.createNativeQuery("""
                update task set lease_expires_at = now() + make_interval(secs => :ttl)
                 where id = :id and lease_owner = :owner and state = 'RUNNING' and lease_expires_at > now()""")
                .setParameter("ttl", lease.ttl().toMillis() / 1000.0)
                .setParameter("id", lease.taskId())
                .setParameter("owner", lease.owner())
                .executeUpdate() == 1;
    }

    /** Hands an unfinished task back (shutting down mid-step) so another instance takes it over at once. */
    @Transactional
    public void releaseLease(TaskLease lease) {
        entityManager.createNativeQuery("""
                update task set lease_owner = null, lease_expires_at = null
                 where id = :id and lease_owner = :owner""")
                .setParameter("id", lease.taskId())
                .setParameter("owner", lease.owner())
                .executeUpdate();
    }

    @Transactional
    public Task task(UUID taskId) {
        Task task = Task.findById(taskId);
        if (task == null) {
            throw new IllegalStateException("no task " + taskId);
        }
        return task;
    }

    @Transactional
    public List<TaskStep> steps(UUID taskId) {
        return TaskStep.list("taskId = ?1 order by position", taskId);
    }

    /** Artifacts of every step so far, later steps winning. */
    @Transactional
    public Map<String, String> artifacts(UUID taskId) {
        Map<String, String> all = new HashMap<>();
        TaskStep.<TaskStep>list("taskId = ?1 order by position", taskId).forEach(step -> all.putAll(step.artifacts));
        return all;
    }

    @Transactional
    public boolean cancelRequested(UUID taskId) {
        Task task = Task.findById(taskId);
        return task != null && task.cancelRequested;
    }

    @Transactional
    public void stepStarted(TaskLease lease, int position) {
        UUID taskId = held(lease);
        Task task = Task.findById(taskId);
        TaskStep step = TaskStep.findById(new TaskStep.Key(taskId, position));
        step.state = StepState.RUNNING;
        step.attempts++;
        step.startedAt = Instant.now();
        step.error = null;
        task.currentStep = step.name;
        log(taskId, step.name, step.attempts > 1
                ? "step " + step.name + " started again (attempt " + step.attempts + "); it resumes where it stopped"
                : "step " + step.name + " started");
        outbox.record(TaskEvents.PROGRESSED, taskId.toString(), new TaskProgressed(taskId, task.type, task.target,
                step.name, step.state.wireName(), task.percent, Instant.now()), task.origin());
    }

    @Transactional
    public void stepSucceeded(TaskLease lease, int position, Map<String, String> artifacts, int percent) {
        UUID taskId = held(lease);
        Task task = Task.findById(taskId);
        TaskStep step = TaskStep.findById(new TaskStep.Key(taskId, position));
        step.state = StepState.SUCCEEDED;
        step.finishedAt = Instant.now();
        Map<String, String> merged = new HashMap<>(step.artifacts);
        merged.putAll(artifacts);
        step.artifacts = merged;
        task.percent = Math.max(task.percent, percent);
        log(taskId, step.name, "step " + step.name + " succeeded");
        outbox.record(TaskEvents.PROGRESSED, taskId.toString(), new TaskProgressed(taskId, task.type, task.target,
                step.name, step.state.wireName(), task.percent, Instant.now()), task.origin());
    }

    /** Stores an artifact of a step that has not finished yet. */
    @Transactional
    public void recordArtifact(TaskLease lease, int position, String key, String value) {
        UUID taskId = held(lease);
        TaskStep step = TaskStep.findById(new TaskStep.Key(taskId, position));
        Map<String, String> merged = new HashMap<>(step.artifacts);
        merged.put(key, value);
        step.artifacts = merged;
    }

    /** Records an event of a running step, with the task's origin, only while this instance holds the task. */
    @Transactional
    public <P> void announce(TaskLease lease, EventType<P> type, String aggregateId, P payload) {
        UUID taskId = held(lease);
        Task task = Task.findById(taskId);
        outbox.record(type, aggregateId, payload, task.origin());
    }

    @Transactional
    public void progress(TaskLease lease, int percent) {
        UUID taskId = held(lease);
        entityManager.createNativeQuery("update task set percent = greatest(percent, :p) where id = :id")
                .setParameter("p", percent)
                .setParameter("id", taskId)
                .executeUpdate();
    }

    @Transactional
    public void succeeded(TaskLease lease) {
        UUID taskId = held(lease);
        Task task = Task.findById(taskId);
        task.setAsSucceeded();
        log(taskId, null, "task succeeded");
        finished(task);
    }

    @Transactional
    public void failed(TaskLease lease, int position, String reason, boolean rolledBack) {
        UUID taskId = held(lease);
        Task task = Task.findById(taskId);
        TaskStep step = TaskStep.findById(new TaskStep.Key(taskId, position));
        step.state = rolledBack ? StepState.ROLLED_BACK : StepState.FAILED;
        step.error = reason;
        step.finishedAt = Instant.now();
        task.setAsFailed(step.name, reason, rolledBack);
        log(taskId, step.name, "step " + step.name + " failed: " + reason
                + (rolledBack ? "; the task's changes were rolled back" : "; the task can be resumed"));
        finished(task);
    }

    /** Fails a claimed task that cannot run at all (unknown type). */
    @Transactional
    public void failedOutright(TaskLease lease, String reason) {
        failedOutright(held(lease), reason);
    }

    /** Fails a task nobody has claimed yet, as it is accepted (unknown type). */
    @Transactional
    public void failedOutright(UUID taskId, String reason) {
        Task task = Task.findById(taskId);
        task.setAsFailed(task.currentStep, reason, false);
        log(taskId, null, "task failed: " + reason);
        finished(task);
    }

    /** Ends a running task at a safe point, as its cancel request asked. */
    @Transactional
    public void cancelled(TaskLease lease) {
        cancelled(held(lease));
    }

    /** Ends a task nobody has claimed yet. */
    @Transactional
    public void cancelled(UUID taskId) {
        Task task = Task.findById(taskId);
        task.setAsCancelled();
        log(taskId, null, "task cancelled at a safe point");
        finished(task);
    }

    /** Publishes a finished task's end again (a requester asked for a task that had already ended). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceFinished(Task task) {
        finished(task);
    }

    @Transactional
    public void log(UUID taskId, String step, String message) {
        TaskLogEntry entry = new TaskLogEntry();
        entry.taskId = taskId;
        entry.step = step;
        entry.at = Instant.now();
        entry.message = message;
        entry.persist();
    }

    /** A line of a running step's log, written only while this instance holds the task. */
    @Transactional
    public void log(TaskLease lease, String step, String message) {
        log(held(lease), step, message);
    }

    /**
     * Makes this transaction's writes conditional on this instance holding the task: the owner is this instance and
     * the lease has not expired. The update locks the task's row until the transaction ends, so no claim slips in
     * between; when it updates nothing the task is not this instance's any more, the lease is fenced and nothing is
     * written.
     */
    private UUID held(TaskLease lease) {
        lease.check();
        int held = entityManager.createNativeQuery("""
                update task set lease_owner = lease_owner
                 where id = :id and lease_owner = :owner and state = 'RUNNING' and lease_expires_at > now()""")
                .setParameter("id", lease.taskId())
                .setParameter("owner", lease.owner())
                .executeUpdate();
        if (held == 0) {
            lease.lose("a write found the task no longer held by this instance (another claimed it, or the lease "
                    + "expired)");
            lease.check();
        }
        return lease.taskId();
    }

    private void finished(Task task) {
        outbox.record(TaskEvents.FINISHED, task.id.toString(), new TaskFinished(task.id, task.type, task.target,
                task.state.result(), task.failedStep, task.error, task.rolledBack,
                artifacts(task.id), Instant.now()), task.origin());
    }
}
