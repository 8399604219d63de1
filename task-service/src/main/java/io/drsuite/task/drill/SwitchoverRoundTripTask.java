package io.drsuite.task.drill;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;
import static io.drsuite.task.model.FailurePolicy.ROLLBACK;

import io.drsuite.events.task.DrSteps;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code drill.switchover-round-trip}: the relationship switches over to the DR cluster and back, each direction
 * with the steps and failure policies of {@code dr.switchover} (until its promotion a failed leg puts its old
 * primary back; from there it goes forward), while a canary writer commits through a session that follows the
 * primary. Step names carry the direction ({@code there-stop-primary}, {@code back-promote-dr}), so
 * relationship-service can tell from a failed step which cluster is primary. A DR side not ready to switch back
 * ends the drill with production on the DR cluster, as after a switchover. It can be cancelled only before the
 * canary starts.
 */
@ApplicationScoped
public class SwitchoverRoundTripTask implements TaskDefinition {

    private final SwitchoverRoundTripSteps steps;

    SwitchoverRoundTripTask(SwitchoverRoundTripSteps steps) {
        this.steps = steps;
    }

    @Override
    public String type() {
        return DrillTasks.SWITCHOVER_ROUND_TRIP;
    }

    @Override
    public List<StepDefinition> steps() {
        List<StepDefinition> all = new ArrayList<>();
        all.add(step("check-ready", 3, ROLLBACK, steps::checkReady).cancellableBefore());
        all.add(step("start-canary", 6, ROLLBACK, steps::startCanary));
        all.addAll(leg(SwitchoverLeg.THERE, 6, 50));
        all.add(step("back-check-ready", 52, ROLLBACK, steps::checkReadyToReturn));
        all.addAll(leg(SwitchoverLeg.BACK, 52, 96));
        all.add(step("verify-canary", 100, RESUME, steps::verifyCanary));
        return all;
    }

    /** One direction's steps, between {@code from} and {@code to} percent of the task. */
    private List<StepDefinition> leg(String direction, int from, int to) {
        int share = (to - from) / 8;
        String prefix = direction + "-";
        return List.of(
                step(prefix + "prepare-new-primary", from + share, RESUME,
                        steps.leg(direction, steps::prepareNewPrimary)),
                step(prefix + "stop-primary", from + 2 * share, ROLLBACK, steps.leg(direction, steps::stopPrimary)),
                step(prefix + "verify-caught-up", from + 3 * share, ROLLBACK,
                        steps.leg(direction, steps::verifyCaughtUp)),
                step(prefix + DrSteps.PROMOTE_DR, from + 4 * share, RESUME, steps.leg(direction, steps::promote)),
                step(prefix + DrSteps.DEMOTE_OLD_PRIMARY, from + 5 * share, RESUME,
                        steps.leg(direction, steps::demoteOldPrimary)),
                step(prefix + DrSteps.MOVE_REPLICATION_SETTINGS, from + 6 * share, RESUME,
                        steps.leg(direction, steps::moveReplicationSettings)),
                step(prefix + DrSteps.POINT_DNS, from + 7 * share, RESUME, steps.leg(direction, steps::pointDns)),
                step(prefix + "check-new-primary", to, RESUME, steps.leg(direction, steps::checkNewPrimary)));
    }

    @Override
    public void rollback(StepContext context, String failedStep) throws Exception {
        steps.rollback(context, failedStep);
    }

    @Override
    public void release(StepContext context) throws Exception {
        steps.release(context);
    }
}
