package io.drsuite.task.engine;

import io.drsuite.events.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@link StepContext} of one run of one step. */
final class RunningStep implements StepContext {

    private final TaskStore store;
    private final UUID taskId;
    private final String type;
    private final String target;
    private final Map<String, String> parameters;
    private final Map<String, String> earlierArtifacts;
    private final Map<String, String> recorded = new HashMap<>();
    private final int position;
    private final String stepName;
    private final int percentBefore;
    private final int percentAfter;
    private final Instant deadline;
    private final TaskLease lease;
    private int lastReported = -1;

    RunningStep(TaskStore store, TaskSnapshot task, int position, String stepName, int percentBefore,
            int percentAfter, Map<String, String> earlierArtifacts, TaskLease lease) {
        this.store = store;
        this.taskId = task.id();
        this.type = task.type();
        this.target = task.target();
        this.parameters = task.parameters();
        this.deadline = task.deadline();
        this.position = position;
        this.stepName = stepName;
        this.percentBefore = percentBefore;
        this.percentAfter = percentAfter;
        this.earlierArtifacts = earlierArtifacts;
        this.lease = lease;
    }

    @Override
    public UUID taskId() {
        return taskId;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public Optional<String> artifact(String key) {
        String own = recorded.get(key);
        return Optional.ofNullable(own != null ? own : earlierArtifacts.get(key));
    }

    @Override
    public void record(String key, String value) {
        recorded.put(key, value);
    }

    @Override
    public void recordNow(String key, String value) {
        store.recordArtifact(lease, position, key, value);
        earlierArtifacts.put(key, value);
    }

    @Override
    public void log(String message) {
        store.log(lease, stepName, message);
    }

    @Override
    public void progress(int percentOfStep) {
        lease.check();
        int percent = percentBefore + (percentAfter - percentBefore) * Math.clamp(percentOfStep, 0, 100) / 100;
        if (percent > lastReported) {
            lastReported = percent;
            store.progress(lease, percent);
        }
    }

    @Override
    public <P> void announce(EventType<P> type, String aggregateId, P payload) {
        store.announce(lease, type, aggregateId, payload);
    }

    @Override
    public boolean cancelRequested() {
        return store.cancelRequested(taskId);
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    /** Also where waiting steps notice a fence between two polls. */
    @Override
    public Duration remaining() {
        lease.check();
        return StepContext.super.remaining();
    }

    Map<String, String> recorded() {
        return recorded;
    }
}
