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
 * {@code drill.restore-test}: restore a snapshot (and the archived WAL after it, when snapshot-service names some)
 * onto a sandbox node with the point-in-time restore's machinery for a new node, measure how long until it accepts
 * connections, check it, destroy it. Every ending (success, failure, cancel, timeout, also in a later run after a
 * crash) destroys what the drill created on the sandbox; no registered cluster is touched.
 */
@ApplicationScoped
public class RestoreTestTask implements TaskDefinition {

    private final RestoreTestSteps steps;

    RestoreTestTask(RestoreTestSteps steps) {
        this.steps = steps;
    }

    @Override
    public String type() {
        return DrillTasks.RESTORE_TEST;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("check-sandbox", 10, ROLLBACK, steps::checkSandbox).cancellableBefore(),
                step("restore-snapshot", 40, ROLLBACK, steps::restoreSnapshot).cancellableBefore(),
                step("stage-wal", 50, ROLLBACK, steps::stageWal).cancellableBefore(),
                step("recover", 75, ROLLBACK, steps::recover),
                step("run-checks", 95, ROLLBACK, steps::runChecks),
                step("destroy-copy", 100, ROLLBACK, steps::destroyCopy));
    }

    @Override
    public void release(StepContext context) throws Exception {
        steps.destroyCopy(context);
    }
}
