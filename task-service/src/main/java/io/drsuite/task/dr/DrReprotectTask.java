package io.drsuite.task.dr;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code dr.reprotect}: after a failover, the former primary cluster becomes the DR side of the promoted one. Its
 * main node is rebuilt incrementally with pg_rewind (full build if that fails); the others are built in full.
 */
@ApplicationScoped
public class DrReprotectTask implements TaskDefinition {

    private final DrBuildSteps steps;

    DrReprotectTask(DrBuildSteps steps) {
        this.steps = steps;
    }

    @Override
    public String type() {
        return DrTasks.REPROTECT;
    }

    @Override
    public List<StepDefinition> steps() {
        return steps.establishing(step("rewind-main-standby", 60, RESUME, steps::rewindMainStandby));
    }
}
