package io.drsuite.relationship.drill;

import io.drsuite.platform.audit.RefersToTask;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A drill as the API lists it: what was asked, where it runs, how far its task is and, once done, its figures and
 * verdict. {@code verdict} is null while it runs; {@code percent} is the task's last reported progress (100 once
 * passed) and {@code currentStep} its last reported step while it runs. {@code requestedBy} is the caller's name, or
 * {@code plan:<name>} for a drill a drill plan started ({@code plan} names it; null otherwise).
 */
public record DrillView(
        UUID id,
        String kind,
        String relationship,
        UUID relationshipId,
        String sandbox,
        Integer port,
        String dataDirectory,
        String cluster,
        String state,
        String verdict,
        UUID taskId,
        String requestedBy,
        String plan,
        Instant requestedAt,
        Instant finishedAt,
        DrillObjectives objectives,
        DrillFigures figures,
        int percent,
        String currentStep,
        List<String> reasons) implements RefersToTask {

    /**
     * The objectives a drill is judged against, copied from its relationship when it was requested (a restore test's
     * from its cluster's backup policy, when the task reports it).
     */
    public record DrillObjectives(Integer rpoObjectiveSeconds, Integer rtoObjectiveSeconds,
            Integer restoreObjectiveSeconds) {
    }

    /**
     * What the drill measured (null where it did not get that far, or where its kind does not measure it). A round
     * trip's {@code rtoSeconds} is its longer write outage.
     */
    public record DrillFigures(Double rtoSeconds, Long rpoBytes, Double rpoSeconds, Instant declaredAt,
            String dataPointLsn, Double sourcePauseSeconds, Double outageThereSeconds, Double outageBackSeconds,
            Long canaryCommits, Long canaryLostCommits, UUID snapshotId, Double restoreSeconds, String restoredLsn) {

        static DrillFigures of(Drill drill) {
            return new DrillFigures(drill.rtoSeconds, drill.rpoBytes, drill.rpoSeconds, drill.declaredAt,
                    drill.dataPointLsn, drill.sourcePauseSeconds, drill.outageThereSeconds, drill.outageBackSeconds,
                    drill.canaryCommits, drill.canaryLostCommits, drill.snapshotId, drill.restoreSeconds,
                    drill.restoredLsn);
        }
    }

    public static DrillView of(Drill drill) {
        TimelineStep last = drill.timeline.isEmpty() ? null : drill.timeline.getLast();
        return new DrillView(drill.id, drill.kind.wireName(), drill.relationshipName, drill.relationshipId,
                drill.sandbox, drill.port, drill.dataDirectory, drill.cluster, drill.state.wireName(),
                drill.state.isDone() ? drill.state.wireName() : null, drill.taskId, drill.requestedBy,
                drill.plan, drill.requestedAt, drill.finishedAt, objectives(drill), DrillFigures.of(drill),
                drill.state == DrillState.PASSED ? 100 : last == null ? 0 : last.percent(),
                drill.state.isDone() || last == null ? null : last.step(), List.copyOf(drill.reasons));
    }

    static DrillObjectives objectives(Drill drill) {
        return new DrillObjectives(drill.rpoObjectiveSeconds, drill.rtoObjectiveSeconds,
                drill.restoreObjectiveSeconds);
    }
}
