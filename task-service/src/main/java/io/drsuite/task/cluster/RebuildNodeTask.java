package io.drsuite.task.cluster;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import io.drsuite.events.task.ClusterTasks;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code cluster.rebuild-node}: rebuild one node of a cluster as a standby of its primary, {@code auto} (pg_rewind,
 * else a full build), {@code incremental} (pg_rewind only) or {@code full} (pg_basebackup).
 */
@ApplicationScoped
public class RebuildNodeTask implements TaskDefinition {

    private final NodeBuildSteps steps;

    RebuildNodeTask(NodeBuildSteps steps) {
        this.steps = steps;
    }

    @Override
    public String type() {
        return ClusterTasks.REBUILD_NODE;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("check-node", 10, RESUME, steps::checkRebuild).cancellableBefore(),
                step("rebuild-node", 70, RESUME, steps::rebuildNode).cancellableBefore(),
                step("wait-for-streaming", 100, RESUME, steps::waitForStreaming));
    }
}
