package io.drsuite.task.cluster;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import io.drsuite.events.task.ClusterTasks;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import io.drsuite.task.routing.DnsRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * {@code cluster.failover}: the primary is lost; choose a standby, fence whatever is a primary now, promote the
 * standby, make the others and the DR main standby follow it, name synchronous standbys, move DNS names. Always
 * forward, never rolled back.
 */
@ApplicationScoped
public class ClusterFailoverTask implements TaskDefinition {

    private final ClusterFailoverSteps steps;
    private final PrimaryMoveSteps move;

    ClusterFailoverTask(ClusterFailoverSteps steps, PrimaryMoveSteps move) {
        this.steps = steps;
        this.move = move;
    }

    @Override
    public String type() {
        return ClusterTasks.FAILOVER;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("check-candidates", 10, RESUME, steps::checkCandidates).cancellableBefore(),
                step("fence-old-primary", 30, RESUME, steps::fenceOldPrimary),
                step(ClusterTasks.PROMOTE_STEP, 50, RESUME, steps::promote),
                step("repoint-standbys", 70, RESUME, context -> move.repointStandbys(context, Set.of())),
                step("repoint-dr", 85, RESUME, move::repointDr),
                step("sync-settings", 90, RESUME, move::syncSettings),
                step(DnsRouting.STEP, 100, RESUME, move::pointDns));
    }
}
