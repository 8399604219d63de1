package io.drsuite.task.dr;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code dr.start}: establish DR from a primary cluster to a DR cluster. Every step is resumable. */
@ApplicationScoped
public class DrStartTask implements TaskDefinition {

    private final DrBuildSteps steps;

    DrStartTask(DrBuildSteps steps) {
        this.steps = steps;
    }

    @Override
    public String type() {
        return DrTasks.START;
    }

    @Override
    public List<StepDefinition> steps() {
        return steps.establishing(step("full-build-main-standby", 60, RESUME, steps::fullBuildMainStandby));
    }
}
