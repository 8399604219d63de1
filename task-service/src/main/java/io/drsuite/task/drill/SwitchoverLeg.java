package io.drsuite.task.drill;

import io.drsuite.events.EventType;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.task.engine.StepContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One direction of a switchover round trip, as the switchover's own steps see the task: outward the task's
 * parameters as they are; back the two clusters swapped and the return leg's own parameters
 * ({@link DrillTasks#RETURN_LEG_PREFIX}) in place of the outward ones. Each leg keeps its artifacts under its own
 * name, so the second switchover never reads what the first one recorded.
 */
public final class SwitchoverLeg implements StepContext {

    static final String THERE = "there";
    static final String BACK = "back";

    private final StepContext task;
    private final String name;
    private final Map<String, String> parameters;

    private SwitchoverLeg(StepContext task, String name, Map<String, String> parameters) {
        this.task = task;
        this.name = name;
        this.parameters = Map.copyOf(parameters);
    }

    static SwitchoverLeg there(StepContext task) {
        Map<String, String> outward = new HashMap<>();
        task.parameters().forEach((key, value) -> {
            if (!key.startsWith(DrillTasks.RETURN_LEG_PREFIX)) {
                outward.put(key, value);
            }
        });
        return new SwitchoverLeg(task, THERE, outward);
    }

    static SwitchoverLeg back(StepContext task) {
        Map<String, String> returning = new HashMap<>(there(task).parameters());
        returning.keySet().removeIf(key -> task.parameters().containsKey(DrillTasks.RETURN_LEG_PREFIX + key)
                || isLegSpecific(key));
        task.parameters().forEach((key, value) -> {
            if (key.startsWith(DrillTasks.RETURN_LEG_PREFIX)) {
                returning.put(key.substring(DrillTasks.RETURN_LEG_PREFIX.length()), value);
            }
        });
        returning.put(DrTasks.PRIMARY_CLUSTER, task.parameter(DrTasks.DR_CLUSTER));
        returning.put(DrTasks.DR_CLUSTER, task.parameter(DrTasks.PRIMARY_CLUSTER));
        return new SwitchoverLeg(task, BACK, returning);
    }

    /** Outward parameters that describe the cluster promoted outward and never carry over to the return. */
    private static boolean isLegSpecific(String key) {
        return key.startsWith("dns.") || key.startsWith("syncStandby");
    }

    String name() {
        return name;
    }

    /** The task itself, for what the round trip records beside the legs. */
    StepContext task() {
        return task;
    }

    @Override
    public UUID taskId() {
        return task.taskId();
    }

    @Override
    public String type() {
        return task.type();
    }

    @Override
    public String target() {
        return task.target();
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public Optional<String> artifact(String key) {
        return task.artifact(name + "." + key);
    }

    @Override
    public void record(String key, String value) {
        task.record(name + "." + key, value);
    }

    @Override
    public void recordNow(String key, String value) {
        task.recordNow(name + "." + key, value);
    }

    @Override
    public void log(String message) {
        task.log(name + ": " + message);
    }

    @Override
    public void progress(int percentOfStep) {
        task.progress(percentOfStep);
    }

    @Override
    public <P> void announce(EventType<P> type, String aggregateId, P payload) {
        task.announce(type, aggregateId, payload);
    }

    @Override
    public boolean cancelRequested() {
        return task.cancelRequested();
    }

    @Override
    public Instant deadline() {
        return task.deadline();
    }
}
