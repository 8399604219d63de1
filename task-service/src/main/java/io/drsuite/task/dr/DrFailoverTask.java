package io.drsuite.task.dr;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import io.drsuite.events.task.DrSteps;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import io.drsuite.task.routing.DnsRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code dr.failover}: check that the DR side can take over, fence production, promote the DR cluster; always
 * forward, never rolled back. Last, the DNS names the task carries are pointed at the promoted cluster.
 */
@ApplicationScoped
public class DrFailoverTask implements TaskDefinition {

    private final DrFailoverSteps steps;
    private final DrBuildSteps build;
    private final DnsRouting dns;

    DrFailoverTask(DrFailoverSteps steps, DrBuildSteps build, DnsRouting dns) {
        this.steps = steps;
        this.build = build;
        this.dns = dns;
    }

    @Override
    public String type() {
        return DrTasks.FAILOVER;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("check-dr", 10, RESUME, steps::checkDr),
                step("fence-production", 30, RESUME, steps::fenceProduction),
                step(DrSteps.PROMOTE_DR, 80, RESUME, steps::promote),
                step("detach-dr", 95, RESUME, steps::detachDr),
                step(DnsRouting.STEP, 100, RESUME, this::pointDnsAtNewPrimary));
    }

    /** The DR cluster's main node is the new primary: the names the task carries follow it. */
    private void pointDnsAtNewPrimary(StepContext context) throws Exception {
        if (DnsRouting.carriesRoutes(context)) {
            dns.pointNamesAt(context, build.roles(context).dr().main());
        }
    }
}
