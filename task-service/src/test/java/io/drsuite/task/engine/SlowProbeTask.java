package io.drsuite.task.engine;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A task type for {@link TaskConcurrencyCapTest} only: one step that holds its place for a while, as a
 * pg_basebackup would, and counts how many of its kind run at the same moment in this instance.
 */
@ApplicationScoped
class SlowProbeTask implements TaskDefinition {

    static final String TYPE = "test.concurrency.slow";
    static final long STEP_MILLIS = 3000;

    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MOST_RUNNING = new AtomicInteger();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(step("hold-a-place", 100, RESUME, context -> {
            MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try {
                Thread.sleep(STEP_MILLIS);
            } finally {
                RUNNING.decrementAndGet();
            }
            context.record("held", "ran to its end");
        }));
    }
}
