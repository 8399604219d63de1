package io.drsuite.relationship.model;

import static io.drsuite.relationship.model.RelationshipOperation.Admission.ALLOWED;
import static io.drsuite.relationship.model.RelationshipOperation.Admission.NEEDS_FORCE;
import static io.drsuite.relationship.model.RelationshipOperation.Admission.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.events.relationship.ClusterState;
import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.events.task.DrSteps;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskResult;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The relationship's lifecycle table, read as a DBA would ask it: what may happen from here, and where does it lead. */
class RelationshipLifecycleTest {

    @Test
    void whatMayStartFromEachPhase() {
        assertThat(allowedFrom(RelationshipPhase.ACTIVE)).containsExactlyInAnyOrder(
                RelationshipOperation.SWITCHOVER, RelationshipOperation.SWITCHOVER_ROUND_TRIP,
                RelationshipOperation.FAILOVER, RelationshipOperation.STOP);
        assertThat(allowedFrom(RelationshipPhase.FAILED_OVER)).containsExactly(RelationshipOperation.REPROTECT);
        assertThat(allowedFrom(RelationshipPhase.ERROR)).containsExactly(RelationshipOperation.STOP);
        for (RelationshipPhase busy : EnumSet.of(RelationshipPhase.STARTING, RelationshipPhase.SWITCHING_OVER,
                RelationshipPhase.FAILING_OVER, RelationshipPhase.REPROTECTING, RelationshipPhase.STOPPING,
                RelationshipPhase.STOPPED)) {
            assertThat(allowedFrom(busy)).as(busy.wireName()).isEmpty();
        }
        assertThat(RelationshipOperation.START.allowedFrom()).as("only at creation").isEmpty();
    }

    @Test
    void failoverFromErrorNeedsForce() {
        assertThat(RelationshipOperation.FAILOVER.admission(RelationshipPhase.ERROR, false)).isEqualTo(NEEDS_FORCE);
        assertThat(RelationshipOperation.FAILOVER.admission(RelationshipPhase.ERROR, true)).isEqualTo(ALLOWED);
        assertThat(RelationshipOperation.FAILOVER.admission(RelationshipPhase.ACTIVE, false)).isEqualTo(ALLOWED);
        assertThat(RelationshipOperation.FAILOVER.admission(RelationshipPhase.FAILED_OVER, true)).isEqualTo(REFUSED);
        assertThat(RelationshipOperation.SWITCHOVER.admission(RelationshipPhase.ERROR, true))
                .as("force opens nothing but the failover from error").isEqualTo(REFUSED);
    }

    @Test
    void eachOperationHasItsTaskPhaseAndStartingStates() {
        Relationship relationship = relationship(RelationshipPhase.ACTIVE, "archive", "recovery");
        relationship.startTask(UUID.randomUUID(), RelationshipOperation.FAILOVER);
        assertThat(relationship.phase).isEqualTo(RelationshipPhase.FAILING_OVER);
        assertThat(relationship.currentTaskType).isEqualTo(DrTasks.FAILOVER);
        assertThat(relationship.primaryState.wireName()).as("kept").isEqualTo("archive");
        assertThat(relationship.drState.wireName()).isEqualTo("promote");

        relationship = relationship(RelationshipPhase.ACTIVE, "archive", "recovery");
        relationship.startTask(UUID.randomUUID(), RelationshipOperation.SWITCHOVER);
        assertThat(relationship.phase).isEqualTo(RelationshipPhase.SWITCHING_OVER);
        assertThat(relationship.primaryState.wireName()).isEqualTo("switchover");
        assertThat(relationship.drState.wireName()).isEqualTo("switchover");

        relationship = relationship(RelationshipPhase.ERROR, "archive_fail", "recovery_fail");
        relationship.startTask(UUID.randomUUID(), RelationshipOperation.STOP);
        assertThat(relationship.phase).isEqualTo(RelationshipPhase.STOPPING);
        assertThat(relationship.primaryState.wireName()).isEqualTo("archive_fail");

        relationship = relationship(RelationshipPhase.FAILED_OVER, "normal", "normal");
        relationship.startTask(UUID.randomUUID(), RelationshipOperation.REPROTECT);
        assertThat(relationship.phase).isEqualTo(RelationshipPhase.REPROTECTING);
        assertThat(relationship.primaryState.wireName()).isEqualTo("full_backup");
        assertThat(relationship.drState.wireName()).isEqualTo("restore");
        for (RelationshipOperation operation : RelationshipOperation.values()) {
            assertThat(RelationshipOperation.ofTaskType(operation.taskType())).contains(operation);
        }
    }

    @Test
    void whereEachTaskOutcomeLeads() {
        assertOutcome(RelationshipOperation.START, "succeeded", null, false, TaskOutcome.ESTABLISHED,
                RelationshipPhase.ACTIVE, "archive", "recovery");
        assertOutcome(RelationshipOperation.START, "failed", "full-build-main-standby", false,
                TaskOutcome.BUILD_FAILED, RelationshipPhase.ERROR, "backup_fail", "restore_fail");
        assertOutcome(RelationshipOperation.START, "cancelled", null, false, TaskOutcome.START_CANCELLED,
                RelationshipPhase.STOPPED, "normal", "normal");
        assertOutcome(RelationshipOperation.REPROTECT, "cancelled", null, false, TaskOutcome.REPROTECT_CANCELLED,
                RelationshipPhase.FAILED_OVER, "normal", "normal");
        assertOutcome(RelationshipOperation.SWITCHOVER, "succeeded", null, false, TaskOutcome.SWITCHED_OVER,
                RelationshipPhase.ACTIVE, "archive", "recovery");
        assertOutcome(RelationshipOperation.SWITCHOVER, "failed", "verify-dr-caught-up", true,
                TaskOutcome.SWITCHOVER_ROLLED_BACK, RelationshipPhase.ACTIVE, "archive", "recovery");
        assertOutcome(RelationshipOperation.SWITCHOVER, "failed", DrSteps.PROMOTE_DR, false,
                TaskOutcome.SWITCHOVER_PROMOTION_FAILED, RelationshipPhase.ERROR, "switchover", "promote_fail");
        assertOutcome(RelationshipOperation.SWITCHOVER, "failed", DrSteps.DEMOTE_OLD_PRIMARY, false,
                TaskOutcome.SWITCHOVER_FAILED_AFTER_PROMOTION, RelationshipPhase.ERROR, "archive_fail",
                "recovery_fail");
        assertOutcome(RelationshipOperation.SWITCHOVER, "failed", DrSteps.POINT_DNS, false,
                TaskOutcome.SWITCHOVER_FAILED_AFTER_PROMOTION, RelationshipPhase.ERROR, "archive_fail",
                "recovery_fail");
        assertOutcome(RelationshipOperation.FAILOVER, "succeeded", null, false, TaskOutcome.FAILED_OVER,
                RelationshipPhase.FAILED_OVER, "normal", "normal");
        assertOutcome(RelationshipOperation.FAILOVER, "failed", DrSteps.PROMOTE_DR, false,
                TaskOutcome.FAILOVER_FAILED, RelationshipPhase.ERROR, "archive_fail", "promote_fail");
        assertOutcome(RelationshipOperation.STOP, "succeeded", null, false, TaskOutcome.STOPPED,
                RelationshipPhase.STOPPED, "normal", "normal");
        assertOutcome(RelationshipOperation.STOP, "failed", "detach-dr", false, TaskOutcome.FAILED,
                RelationshipPhase.ERROR, "archive_fail", "recovery_fail");

        assertThat(TaskOutcome.SWITCHED_OVER.swapsRoles()).isTrue();
        assertThat(TaskOutcome.FAILED_OVER.swapsRoles()).isTrue();
        assertThat(TaskOutcome.SWITCHOVER_FAILED_AFTER_PROMOTION.swapsRoles()).isTrue();
        assertThat(TaskOutcome.SWITCHOVER_ROLLED_BACK.swapsRoles()).isFalse();
        assertThat(Set.of(TaskOutcome.values())).filteredOn(TaskOutcome::releasesClusters)
                .containsExactlyInAnyOrder(TaskOutcome.STOPPED, TaskOutcome.START_CANCELLED);
    }

    /** A round trip's failed step names its direction, which says where production ended. */
    @Test
    void whereEachRoundTripOutcomeLeads() {
        RelationshipOperation trip = RelationshipOperation.SWITCHOVER_ROUND_TRIP;
        assertOutcome(trip, "succeeded", null, false, TaskOutcome.ROUND_TRIP_COMPLETED, RelationshipPhase.ACTIVE,
                "archive", "recovery");
        assertOutcome(trip, "failed", "start-canary", true, TaskOutcome.SWITCHOVER_ROLLED_BACK,
                RelationshipPhase.ACTIVE, "archive", "recovery");
        assertOutcome(trip, "failed", "there-verify-caught-up", true, TaskOutcome.SWITCHOVER_ROLLED_BACK,
                RelationshipPhase.ACTIVE, "archive", "recovery");
        assertOutcome(trip, "failed", "there-" + DrSteps.PROMOTE_DR, false, TaskOutcome.SWITCHOVER_PROMOTION_FAILED,
                RelationshipPhase.ERROR, "switchover", "promote_fail");
        assertOutcome(trip, "failed", "there-check-new-primary", false,
                TaskOutcome.SWITCHOVER_FAILED_AFTER_PROMOTION, RelationshipPhase.ERROR, "archive_fail",
                "recovery_fail");
        assertOutcome(trip, "failed", "back-check-ready", true, TaskOutcome.SWITCHED_OVER, RelationshipPhase.ACTIVE,
                "archive", "recovery");
        assertOutcome(trip, "failed", "back-stop-primary", true, TaskOutcome.SWITCHED_OVER,
                RelationshipPhase.ACTIVE, "archive", "recovery");
        assertOutcome(trip, "failed", "back-" + DrSteps.PROMOTE_DR, false, TaskOutcome.RETURN_PROMOTION_FAILED,
                RelationshipPhase.ERROR, "switchover", "promote_fail");
        assertOutcome(trip, "failed", "back-" + DrSteps.DEMOTE_OLD_PRIMARY, false,
                TaskOutcome.RETURN_FAILED_AFTER_PROMOTION, RelationshipPhase.ERROR, "archive_fail", "recovery_fail");
        assertOutcome(trip, "failed", "back-stop-primary", false, TaskOutcome.RETURN_FAILED, RelationshipPhase.ERROR,
                "archive_fail", "recovery_fail");
        assertOutcome(trip, "failed", "verify-canary", false, TaskOutcome.ROUND_TRIP_COMPLETED,
                RelationshipPhase.ACTIVE, "archive", "recovery");
        assertOutcome(trip, "cancelled", null, false, TaskOutcome.CANCELLED, RelationshipPhase.ACTIVE, "archive",
                "recovery");
        assertThat(TaskOutcome.RETURN_PROMOTION_FAILED.swapsRoles()).isTrue();
        assertThat(TaskOutcome.RETURN_FAILED.swapsRoles()).isTrue();
        assertThat(TaskOutcome.RETURN_FAILED_AFTER_PROMOTION.swapsRoles()).isFalse();
        assertThat(TaskOutcome.ROUND_TRIP_COMPLETED.swapsRoles()).isFalse();
    }

    @Test
    void predicatesOfThePhases() {
        assertThat(EnumSet.allOf(RelationshipPhase.class)).filteredOn(RelationshipPhase::isReplicating)
                .containsExactlyInAnyOrder(RelationshipPhase.ACTIVE, RelationshipPhase.SWITCHING_OVER,
                        RelationshipPhase.FAILING_OVER, RelationshipPhase.STOPPING, RelationshipPhase.ERROR);
        assertThat(EnumSet.allOf(RelationshipPhase.class)).filteredOn(RelationshipPhase::isSteady)
                .containsExactly(RelationshipPhase.ACTIVE);
        assertThat(RelationshipOperation.STOP.releasesAt(RelationshipPhase.FAILED_OVER)).isTrue();
        assertThat(RelationshipOperation.STOP.releasesAt(RelationshipPhase.ACTIVE)).isFalse();
    }

    @Test
    void aFailedTaskIsResumedWithTheRolesItStartedWith() {
        Relationship relationship = relationship(RelationshipPhase.ACTIVE, "archive", "recovery");
        UUID task = UUID.randomUUID();
        relationship.startTask(task, RelationshipOperation.SWITCHOVER);
        relationship.finishTask(RelationshipOperation.SWITCHOVER.outcome(finished(DrTasks.SWITCHOVER, "failed",
                DrSteps.DEMOTE_OLD_PRIMARY, false)), "old primary did not start as a standby");
        assertThat(relationship.primaryCluster).as("promoted already").isEqualTo("dr");
        assertThat(relationship.resumableOperation()).contains(RelationshipOperation.SWITCHOVER);

        assertThat(relationship.resumeTask()).isEqualTo(task);
        assertThat(relationship.currentTaskId).isEqualTo(task);
        assertThat(relationship.phase).isEqualTo(RelationshipPhase.SWITCHING_OVER);
        assertThat(relationship.primaryCluster).as("the task's roles again").isEqualTo("prod");
        assertThat(relationship.resumableOperation()).isEmpty();

        relationship.finishTask(RelationshipOperation.SWITCHOVER.outcome(finished(DrTasks.SWITCHOVER, "succeeded",
                null, false)), null);
        assertThat(relationship.primaryCluster).isEqualTo("dr");
        assertThat(relationship.phase).isEqualTo(RelationshipPhase.ACTIVE);
        assertThat(relationship.resumableOperation()).as("a success has nothing to resume").isEmpty();

        Relationship rolledBack = relationship(RelationshipPhase.ACTIVE, "archive", "recovery");
        rolledBack.startTask(UUID.randomUUID(), RelationshipOperation.SWITCHOVER);
        rolledBack.finishTask(TaskOutcome.SWITCHOVER_ROLLED_BACK, "not caught up");
        assertThat(rolledBack.resumableOperation()).as("rolled back: nothing to resume").isEmpty();
    }

    private static void assertOutcome(RelationshipOperation operation, String state, String failedStep,
            boolean rolledBack, TaskOutcome expected, RelationshipPhase phase, String primaryState, String drState) {
        TaskOutcome outcome = operation.outcome(finished(operation.taskType(), state, failedStep, rolledBack));
        assertThat(outcome).as(operation + " " + state + " at " + failedStep).isEqualTo(expected);
        assertThat(outcome.phase()).isEqualTo(phase);
        assertThat(outcome.primaryState().wireName()).isEqualTo(primaryState);
        assertThat(outcome.drState().wireName()).isEqualTo(drState);
        assertThat(outcome.isResumable()).isEqualTo(phase == RelationshipPhase.ERROR);
    }

    private static TaskFinished finished(String type, String state, String failedStep, boolean rolledBack) {
        return new TaskFinished(UUID.randomUUID(), type, UUID.randomUUID().toString(),
                TaskResult.valueOf(state.toUpperCase(Locale.ROOT)), failedStep,
                "failed".equals(state) ? "it failed" : null, rolledBack, Map.of(), Instant.now());
    }

    private static Relationship relationship(RelationshipPhase phase, String primaryState, String drState) {
        Relationship relationship = new Relationship();
        relationship.name = "lifecycle";
        relationship.primaryCluster = "prod";
        relationship.drCluster = "dr";
        relationship.phase = phase;
        relationship.primaryState = ClusterState.fromWire(primaryState);
        relationship.drState = ClusterState.fromWire(drState);
        return relationship;
    }

    private static Set<RelationshipOperation> allowedFrom(RelationshipPhase phase) {
        return EnumSet.allOf(RelationshipOperation.class).stream()
                .filter(operation -> operation.admission(phase, false) == ALLOWED)
                .collect(java.util.stream.Collectors.toSet());
    }
}
