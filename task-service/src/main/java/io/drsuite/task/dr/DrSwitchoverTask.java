package io.drsuite.task.dr;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;
import static io.drsuite.task.model.FailurePolicy.ROLLBACK;

import io.drsuite.events.task.DrSteps;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import io.drsuite.task.routing.DnsRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code dr.switchover}: planned role swap with zero data loss. Stopping the primary and checking the DR side
 * caught up roll back on failure (the old primary restarts as primary); from the promotion on, it goes forward. Last,
 * the DNS names the task carries are pointed at the new primary.
 */
@ApplicationScoped
public class DrSwitchoverTask implements TaskDefinition {

    private final DrSwitchoverSteps steps;
    private final DrBuildSteps build;
    private final DnsRouting dns;

    DrSwitchoverTask(DrSwitchoverSteps steps, DrBuildSteps build, DnsRouting dns) {
        this.steps = steps;
        this.build = build;
        this.dns = dns;
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
                step(DrSteps.MOVE_REPLICATION_SETTINGS, 95, RESUME, steps::moveReplicationSettings),
                step(DnsRouting.STEP, 100, RESUME, this::pointDnsAtNewPrimary));
    }

    @Override
    public void rollback(StepContext context, String failedStep) throws Exception {
        steps.rollback(context);
    }

    /** The DR cluster's main node is the new primary: the names the task carries follow it. */
    private void pointDnsAtNewPrimary(StepContext context) throws Exception {
        if (DnsRouting.carriesRoutes(context)) {
            dns.pointNamesAt(context, build.roles(context).dr().main());
        }
    }
}
