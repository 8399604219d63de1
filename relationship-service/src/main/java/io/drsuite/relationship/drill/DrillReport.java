package io.drsuite.relationship.drill;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The whole evidence of a drill, for an audit: who asked and when, the objectives it was judged against, what it
 * measured, each check with its outcome, the step timeline, the task's ending, the verdict and its reasons.
 */
public record DrillReport(
        UUID id,
        String kind,
        String relationship,
        UUID relationshipId,
        String primaryCluster,
        String drCluster,
        String sandbox,
        String cluster,
        String requestedBy,
        String plan,
        Instant requestedAt,
        Instant finishedAt,
        DrillView.DrillObjectives objectives,
        DrillView.DrillFigures figures,
        List<UserCheck> userChecks,
        List<CheckOutcome> checks,
        List<TimelineStep> timeline,
        UUID taskId,
        String taskState,
        String failedStep,
        String taskError,
        String verdict,
        List<String> reasons) {

    public static DrillReport of(Drill drill) {
        return new DrillReport(drill.id, drill.kind.wireName(), drill.relationshipName, drill.relationshipId,
                drill.primaryCluster, drill.drCluster, drill.sandbox, drill.cluster, drill.requestedBy, drill.plan,
                drill.requestedAt, drill.finishedAt, DrillView.objectives(drill), DrillView.DrillFigures.of(drill),
                List.copyOf(drill.userChecks), List.copyOf(drill.checks), List.copyOf(drill.timeline), drill.taskId,
                drill.taskState == null ? null : drill.taskState.wireName(), drill.failedStep, drill.taskError,
                drill.state.isDone() ? drill.state.wireName() : null, List.copyOf(drill.reasons));
    }
}
