package io.drsuite.task.dr;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;
import static io.drsuite.task.model.FailurePolicy.ROLLBACK;

import io.drsuite.events.task.DrSteps;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code dr.switchover}: planned role swap with zero data loss. Stopping the primary and checking the DR side
 * caught up roll back on failure (the old primary restarts as primary); from the promotion on, it goes forward.
 */
@ApplicationScoped
public class DrSwitchoverTask implements TaskDefinition {

    private final DrSwitchoverSteps steps;

    DrSwitchoverTask(DrSwitchoverSteps steps) {
        this.steps = steps;
    }

    @Override
    public String type() {
        return DrTasks.SWITCHOVER;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("check-ready", 10, RESUME, steps::checkReady).cancellableBefore(),
                step("prepare-new-primary", 20, RESUME, steps::prepareNewPrimary).cancellableBefore(),
                step("stop-primary", 40, ROLLBACK, steps::stopPrimary).cancellableBefore(),
                step("verify-dr-caught-up", 50, ROLLBACK, steps::verifyCaughtUp),
                step(DrSteps.PROMOTE_DR, 70, RESUME, steps::promote),
                step(DrSteps.DEMOTE_OLD_PRIMARY, 85, RESUME, steps::demoteOldPrimary),
                step(DrSteps.MOVE_REPLICATION_SETTINGS, 100, RESUME, steps::moveReplicationSettings));
    }

    @Override
    public void rollback(StepContext context, String failedStep) throws Exception {
        steps.rollback(context);
    }
}
