package io.drsuite.task.cluster;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;
import static io.drsuite.task.model.FailurePolicy.ROLLBACK;

import io.drsuite.events.task.ClusterTasks;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import io.drsuite.task.routing.DnsRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * {@code cluster.switchover}: planned swap of a cluster's primary and one of its standbys with zero data loss.
 * Stopping the primary and checking the standby caught up roll back on failure (the old primary restarts as
 * primary); from the promotion on, it goes forward: the old primary becomes a standby, the other standbys and the DR
 * main standby follow the new primary, synchronous standbys are named again, DNS names move.
 */
@ApplicationScoped
public class ClusterSwitchoverTask implements TaskDefinition {

    private final ClusterSwitchoverSteps steps;
    private final PrimaryMoveSteps move;

    ClusterSwitchoverTask(ClusterSwitchoverSteps steps, PrimaryMoveSteps move) {
        this.steps = steps;
        this.move = move;
    }

    @Override
    public String type() {
        return ClusterTasks.SWITCHOVER;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("check-ready", 10, RESUME, steps::checkReady).cancellableBefore(),
                step("prepare", 20, RESUME, steps::prepare).cancellableBefore(),
                step("stop-primary", 30, ROLLBACK, steps::stopPrimary).cancellableBefore(),
                step("verify-caught-up", 40, ROLLBACK, steps::verifyCaughtUp),
                step(ClusterTasks.PROMOTE_STEP, 50, RESUME, steps::promote),
                step("demote-old-primary", 65, RESUME, steps::demoteOldPrimary),
                step("repoint-standbys", 75, RESUME, context -> move.repointStandbys(context,
                        Set.of(context.artifact(ClusterTasks.OLD_PRIMARY).orElseThrow()))),
                step("repoint-dr", 85, RESUME, move::repointDr),
                step("sync-settings", 90, RESUME, move::syncSettings),
                step(DnsRouting.STEP, 100, RESUME, move::pointDns));
    }

    @Override
    public void rollback(StepContext context, String failedStep) throws Exception {
        steps.rollback(context);
    }
}
