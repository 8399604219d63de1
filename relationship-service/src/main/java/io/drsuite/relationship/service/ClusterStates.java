package io.drsuite.relationship.service;

import static io.drsuite.relationship.model.ClusterState.ARCHIVE;
import static io.drsuite.relationship.model.ClusterState.ARCHIVE_FAIL;
import static io.drsuite.relationship.model.ClusterState.BACKUP_FAIL;
import static io.drsuite.relationship.model.ClusterState.FULL_BACKUP;
import static io.drsuite.relationship.model.ClusterState.NORMAL;
import static io.drsuite.relationship.model.ClusterState.PROMOTE;
import static io.drsuite.relationship.model.ClusterState.PROMOTE_FAIL;
import static io.drsuite.relationship.model.ClusterState.RECOVERY;
import static io.drsuite.relationship.model.ClusterState.RECOVERY_FAIL;
import static io.drsuite.relationship.model.ClusterState.RESTORE;
import static io.drsuite.relationship.model.ClusterState.RESTORE_FAIL;
import static io.drsuite.relationship.model.ClusterState.SWITCHOVER;

import io.drsuite.events.task.DrTasks;
import io.drsuite.relationship.model.RelationshipPhase;
import java.util.Set;

/** Which phase and gs_ddr cluster states a relationship takes when a DR task starts or ends. */
final class ClusterStates {

    /** Steps of a switchover after which the DR side has been promoted. */
    private static final Set<String> SWITCHOVER_AFTER_PROMOTION = Set.of("demote-old-primary",
            "move-replication-settings");

    private ClusterStates() {
    }

    /** Phase and states after the task ends; {@code swapRoles} when the clusters have traded roles. */
    record Outcome(RelationshipPhase phase, String primaryState, String drState, boolean swapRoles,
            boolean release) {
    }

    static String starting(String type, String current) {
        return switch (type) {
            case DrTasks.START, DrTasks.REPROTECT -> FULL_BACKUP;
            case DrTasks.SWITCHOVER -> SWITCHOVER;
            default -> current;
        };
    }

    static String startingDr(String type, String current) {
        return switch (type) {
            case DrTasks.START, DrTasks.REPROTECT -> RESTORE;
            case DrTasks.SWITCHOVER -> SWITCHOVER;
            case DrTasks.FAILOVER -> PROMOTE;
            default -> current;
        };
    }

    static Outcome finished(String type, String state, String failedStep, boolean rolledBack) {
        boolean succeeded = "succeeded".equals(state);
        if ("cancelled".equals(state)) {
            return DrTasks.START.equals(type)
                    ? new Outcome(RelationshipPhase.STOPPED, NORMAL, NORMAL, false, true)
                    : new Outcome(RelationshipPhase.ACTIVE, ARCHIVE, RECOVERY, false, false);
        }
        return switch (type) {
            case DrTasks.START, DrTasks.REPROTECT -> succeeded
                    ? new Outcome(RelationshipPhase.ACTIVE, ARCHIVE, RECOVERY, false, false)
                    : new Outcome(RelationshipPhase.ERROR, BACKUP_FAIL, RESTORE_FAIL, false, false);
            case DrTasks.SWITCHOVER -> switchover(succeeded, failedStep, rolledBack);
            case DrTasks.FAILOVER -> succeeded
                    ? new Outcome(RelationshipPhase.FAILED_OVER, NORMAL, NORMAL, true, false)
                    : new Outcome(RelationshipPhase.ERROR, ARCHIVE_FAIL, PROMOTE_FAIL, false, false);
            case DrTasks.STOP -> succeeded
                    ? new Outcome(RelationshipPhase.STOPPED, NORMAL, NORMAL, false, true)
                    : new Outcome(RelationshipPhase.ERROR, ARCHIVE_FAIL, RECOVERY_FAIL, false, false);
            default -> new Outcome(RelationshipPhase.ERROR, ARCHIVE_FAIL, RECOVERY_FAIL, false, false);
        };
    }

    private static Outcome switchover(boolean succeeded, String failedStep, boolean rolledBack) {
        if (succeeded) {
            return new Outcome(RelationshipPhase.ACTIVE, ARCHIVE, RECOVERY, true, false);
        }
        if (rolledBack) {
            return new Outcome(RelationshipPhase.ACTIVE, ARCHIVE, RECOVERY, false, false);
        }
        if (SWITCHOVER_AFTER_PROMOTION.contains(failedStep)) {
            return new Outcome(RelationshipPhase.ERROR, ARCHIVE_FAIL, RECOVERY_FAIL, true, false);
        }
        return "promote-dr".equals(failedStep)
                ? new Outcome(RelationshipPhase.ERROR, SWITCHOVER, PROMOTE_FAIL, false, false)
                : new Outcome(RelationshipPhase.ERROR, ARCHIVE_FAIL, RECOVERY_FAIL, false, false);
    }
}
