package io.drsuite.task.cluster;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import io.drsuite.events.task.ClusterTasks;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code cluster.add-node}: build a newly registered node as a streaming standby of the cluster's primary. */
@ApplicationScoped
public class AddNodeTask implements TaskDefinition {

    private final NodeBuildSteps steps;

    AddNodeTask(NodeBuildSteps steps) {
        this.steps = steps;
    }

    @Override
    public String type() {
        return ClusterTasks.ADD_NODE;
    }

    @Override
    public List<StepDefinition> steps() {
        return List.of(
                step("check-node", 10, RESUME, steps::checkAdd).cancellableBefore(),
                step("build-node", 70, RESUME, steps::buildNewNode).cancellableBefore(),
                step("wait-for-streaming", 100, RESUME, steps::waitForStreaming));
    }
}
