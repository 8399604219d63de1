package io.drsuite.task.engine;

import io.drsuite.events.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a running step sees: the task's parameters, the artifacts earlier steps recorded, and ways to record its own
 * artifacts, write to the step log and report progress.
 */
public interface StepContext {

    UUID taskId();

    String type();

    String target();

    Map<String, String> parameters();

    default String parameter(String name) {
        String value = parameters().get(name);
        if (value == null) {
            throw new IllegalStateException("task parameter " + name + " is missing");
        }
        return value;
    }

    /** An artifact recorded by an earlier step (or by this step in an earlier, interrupted run). */
    Optional<String> artifact(String key);

    /** Records an artifact; it commits with the step's completion. */
    void record(String key, String value);

    /** Records an artifact now, before the step finishes, so a rerun after a crash can see it. */
    void recordNow(String key, String value);

    /** Appends a line to the task's log at once. */
    void log(String message);

    /** Reports progress within the current step, 0..100 of the step's share of the task. */
    void progress(int percentOfStep);

    /**
     * Publishes an event through the outbox at once, with the task's origin, in a transaction that commits only while
     * this instance holds the task (an announcement of what the step did, e.g. a file it stored).
     */
    <P> void announce(EventType<P> type, String aggregateId, P payload);

    /** Whether the task's cancel was requested (read from the database): a step that runs until then ends. */
    boolean cancelRequested();

    /** When the whole task must be done. */
    Instant deadline();

    /** Time left before the deadline; throws when it has passed. */
    default Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline());
        if (left.isNegative() || left.isZero()) {
            throw new TaskTimedOutException(deadline());
        }
        return left;
    }
}
