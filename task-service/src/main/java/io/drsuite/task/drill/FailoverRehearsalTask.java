package io.drsuite.task.drill;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.ROLLBACK;

import io.drsuite.events.task.DrillTasks;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code drill.failover-rehearsal}: copy the DR main standby onto a sandbox node, bring the copy to a data point,
 * declare a disaster, promote the copy, check it, destroy it. Every ending (success, failure, cancel, timeout, also
 * in a later run after a crash) destroys the copy and resumes the DR main standby's replay if the drill left it
 * paused. Nothing is rolled back on production or the DR cluster: the drill changes neither.
 */
@ApplicationScoped
public class FailoverRehearsalTask implements TaskDefinition {

    private final FailoverRehearsalSteps steps;

    FailoverRehearsalTask(FailoverRehearsalSteps steps) {
        this.steps = steps;
    }

    @Override
    public String type() {
        return DrillTasks.FAILOVER_REHEARSAL;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("check-sandbox", 5, ROLLBACK, steps::checkSandbox).cancellableBefore(),
                step("copy-standby", 40, ROLLBACK, steps::copyStandby).cancellableBefore(),
                step("mark-data-point", 55, ROLLBACK, steps::markDataPoint).cancellableBefore(),
                step("start-copy", 70, ROLLBACK, steps::startCopy).cancellableBefore(),
                step("declare-disaster", 80, ROLLBACK, steps::declareDisaster),
                step("run-checks", 95, ROLLBACK, steps::runChecks),
                step("destroy-copy", 100, ROLLBACK, steps::destroyCopy));
    }

    @Override
    public void release(StepContext context) throws Exception {
        steps.destroyCopy(context);
    }
}
