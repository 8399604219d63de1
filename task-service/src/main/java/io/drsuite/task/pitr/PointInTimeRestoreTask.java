package io.drsuite.task.pitr;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;
import static io.drsuite.task.model.FailurePolicy.ROLLBACK;

import io.drsuite.events.task.WalTasks;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import io.drsuite.task.snapshot.PhysicalRestoreSteps;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code snapshot.restore-pitr}: a physical restore whose node recovers through archived WAL to a target. Until the
 * node has recovered, a failure removes the staged WAL and puts the old data back.
 */
@ApplicationScoped
public class PointInTimeRestoreTask implements TaskDefinition {

    private final PhysicalRestoreSteps physical;
    private final PointInTimeRestoreSteps steps;

    PointInTimeRestoreTask(PhysicalRestoreSteps physical, PointInTimeRestoreSteps steps) {
        this.physical = physical;
        this.steps = steps;
    }

    @Override
    public String type() {
        return WalTasks.POINT_IN_TIME_RESTORE;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("check-snapshot", 15, RESUME, steps::checkRequest).cancellableBefore(),
                step("stop-node", 20, ROLLBACK, physical::stopNode).cancellableBefore(),
                step("set-aside-data", 25, ROLLBACK, physical::setAsideData),
                step("unpack-snapshot", 55, ROLLBACK, physical::unpack),
                step("stage-wal", 70, ROLLBACK, steps::stageWal),
                step("configure-recovery", 72, ROLLBACK, steps::configureRecovery),
                step("recover", 95, ROLLBACK, steps::recover),
                step("finish", 98, RESUME, steps::finish),
                step("remove-previous-data", 100, RESUME, physical::removePreviousData));
    }

    @Override
    public void rollback(StepContext context, String failedStep) throws Exception {
        steps.rollback(context);
    }
}
