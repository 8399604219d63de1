package io.drsuite.task.dr;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import io.drsuite.events.task.DrSteps;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code dr.failover}: check that the DR side can take over, fence production, promote the DR cluster; always
 * forward, never rolled back.
 */
@ApplicationScoped
public class DrFailoverTask implements TaskDefinition {

    private final DrFailoverSteps steps;

    DrFailoverTask(DrFailoverSteps steps) {
        this.steps = steps;
    }

    @Override
    public String type() {
        return DrTasks.FAILOVER;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("check-dr", 10, RESUME, steps::checkDr),
                step("fence-production", 30, RESUME, steps::fenceProduction),
                step(DrSteps.PROMOTE_DR, 80, RESUME, steps::promote),
                step("detach-dr", 100, RESUME, steps::detachDr));
    }
}
