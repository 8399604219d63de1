package io.drsuite.task.dr;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code dr.stop}: dissolve the relationship, promoting the DR cluster or leaving it a read-only copy. */
@ApplicationScoped
public class DrStopTask implements TaskDefinition {

    private final DrStopSteps steps;

    DrStopTask(DrStopSteps steps) {
        this.steps = steps;
    }

    @Override
    public String type() {
        return DrTasks.STOP;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("detach-dr", 40, RESUME, steps::detachDr).cancellableBefore(),
                step("release-primary", 80, RESUME, steps::releasePrimary),
                step("remove-access", 100, RESUME, steps::removeAccess));
    }
}
