package io.drsuite.relationship.model;

import static io.drsuite.events.relationship.ClusterState.FULL_BACKUP;
import static io.drsuite.events.relationship.ClusterState.PROMOTE;
import static io.drsuite.events.relationship.ClusterState.RESTORE;
import static io.drsuite.events.relationship.RelationshipPhase.ACTIVE;
import static io.drsuite.events.relationship.RelationshipPhase.ERROR;
import static io.drsuite.events.relationship.RelationshipPhase.FAILING_OVER;
import static io.drsuite.events.relationship.RelationshipPhase.REPROTECTING;
import static io.drsuite.events.relationship.RelationshipPhase.STARTING;
import static io.drsuite.events.relationship.RelationshipPhase.STOPPING;
import static io.drsuite.events.relationship.RelationshipPhase.SWITCHING_OVER;

import io.drsuite.events.relationship.ClusterState;
import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.events.task.DrSteps;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.TaskFinished;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The relationship's lifecycle in one table: for each operation, the task type that carries it out, the phases it
 * may start from (and those it may start from only when forced), the phase while it runs and the cluster states it
 * starts with; {@link #outcome} maps how its task ended to a {@link TaskOutcome}. Everything that asks "may this
 * happen now?" or "where are we after that task?" reads it here.
 */
public enum RelationshipOperation {

    /** Establish DR: build the DR cluster from the primary. Only at creation, from no phase. */
    START(DrTasks.START, Set.of(), Set.of(), STARTING, StartingStates.of(FULL_BACKUP, RESTORE)),
    /** Planned role swap, without data loss. */
    SWITCHOVER(DrTasks.SWITCHOVER, Set.of(ACTIVE), Set.of(), SWITCHING_OVER,
            StartingStates.of(ClusterState.SWITCHOVER, ClusterState.SWITCHOVER)),
    /**
     * Promote the DR cluster when the primary is lost. From {@code error} the DR side may be half built, so only
     * with {@code force}.
     */
    FAILOVER(DrTasks.FAILOVER, Set.of(ACTIVE), Set.of(ERROR), FAILING_OVER, StartingStates.keepPrimary(PROMOTE)),
    /** After a failover, rebuild the former primary as the DR side (the roles were swapped by the failover). */
    REPROTECT(DrTasks.REPROTECT, Set.of(RelationshipPhase.FAILED_OVER), Set.of(), REPROTECTING,
            StartingStates.of(FULL_BACKUP, RESTORE)),
    /**
     * A drill: switch over and back while a canary writer commits. Its task's step names carry the direction
     * ({@code there-}, {@code back-}), which {@link #outcome} reads to tell where production ended.
     */
    SWITCHOVER_ROUND_TRIP(DrillTasks.SWITCHOVER_ROUND_TRIP, Set.of(ACTIVE), Set.of(), SWITCHING_OVER,
            StartingStates.of(ClusterState.SWITCHOVER, ClusterState.SWITCHOVER)),
    /** Dissolve the relationship (after a failover: release the clusters, no task, {@link #releasesAt}). */
    STOP(DrTasks.STOP, Set.of(ACTIVE, ERROR), Set.of(), STOPPING, StartingStates.UNCHANGED);

    /** Steps of a switchover after which the DR side has been promoted. */
    private static final Set<String> SWITCHOVER_AFTER_PROMOTION = Set.of(DrSteps.DEMOTE_OLD_PRIMARY,
            DrSteps.MOVE_REPLICATION_SETTINGS, DrSteps.POINT_DNS);
    /** Steps of a round trip's direction after which its new primary has been promoted. */
    private static final Set<String> LEG_AFTER_PROMOTION = Set.of(DrSteps.DEMOTE_OLD_PRIMARY,
            DrSteps.MOVE_REPLICATION_SETTINGS, DrSteps.POINT_DNS, "check-new-primary");
    private static final String OUTWARD = "there-";
    private static final String RETURN = "back-";

    private final String taskType;
    private final Set<RelationshipPhase> allowedFrom;
    private final Set<RelationshipPhase> forcedFrom;
    private final RelationshipPhase during;
    private final StartingStates startingStates;

    RelationshipOperation(String taskType, Set<RelationshipPhase> allowedFrom, Set<RelationshipPhase> forcedFrom,
            RelationshipPhase during, StartingStates startingStates) {
        this.taskType = taskType;
        this.allowedFrom = allowedFrom;
        this.forcedFrom = forcedFrom;
        this.during = during;
        this.startingStates = startingStates;
    }

    /** Whether an operation may start, as decided by the relationship's phase. */
    public enum Admission {
        ALLOWED, NEEDS_FORCE, REFUSED;
    }

    /**
     * The cluster states an operation starts with; a {@code null} side keeps that cluster's state.
     */
    public record StartingStates(ClusterState primary, ClusterState dr) {

        static final StartingStates UNCHANGED = new StartingStates(null, null);

        static StartingStates of(ClusterState primary, ClusterState dr) {
            return new StartingStates(primary, dr);
        }

        static StartingStates keepPrimary(ClusterState dr) {
            return new StartingStates(null, dr);
        }

        public ClusterState primaryFrom(ClusterState current) {
            return primary == null ? current : primary;
        }

        public ClusterState drFrom(ClusterState current) {
            return dr == null ? current : dr;
        }
    }

    public static Optional<RelationshipOperation> ofTaskType(String taskType) {
        return Arrays.stream(values()).filter(operation -> operation.taskType.equals(taskType)).findFirst();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String taskType() {
        return taskType;
    }

    public RelationshipPhase during() {
        return during;
    }

    public StartingStates startingStates() {
        return startingStates;
    }

    /** Phases this operation may start from without being forced. */
    public Set<RelationshipPhase> allowedFrom() {
        return allowedFrom;
    }

    public Admission admission(RelationshipPhase phase, boolean force) {
        if (allowedFrom.contains(phase)) {
            return Admission.ALLOWED;
        }
        if (forcedFrom.contains(phase)) {
            return force ? Admission.ALLOWED : Admission.NEEDS_FORCE;
        }
        return Admission.REFUSED;
    }

    /** A stop after a failover needs no task: nothing streams any more, the clusters are simply released. */
    public boolean releasesAt(RelationshipPhase phase) {
        return this == STOP && phase == RelationshipPhase.FAILED_OVER;
    }

    /** Whether this operation's progress is the relationship's switchover percentage. */
    public boolean reportsSwitchoverPercent() {
        return this == SWITCHOVER;
    }

    /**
     * A switchover or failover: production moves to the other cluster, and the names that follow it move too. (A
     * round trip moves it there first, then back.)
     */
    public boolean movesProduction() {
        return this == SWITCHOVER || this == FAILOVER || this == SWITCHOVER_ROUND_TRIP;
    }

    public boolean reportsFailoverPercent() {
        return this == FAILOVER;
    }

    /** Where this operation's finished task leaves the relationship. */
    public TaskOutcome outcome(TaskFinished finished) {
        boolean succeeded = finished.succeeded();
        if (finished.cancelled()) {
            return switch (this) {
                case START -> TaskOutcome.START_CANCELLED;
                case REPROTECT -> TaskOutcome.REPROTECT_CANCELLED;
                case SWITCHOVER, FAILOVER, STOP, SWITCHOVER_ROUND_TRIP -> TaskOutcome.CANCELLED;
            };
        }
        return switch (this) {
            case START, REPROTECT -> succeeded ? TaskOutcome.ESTABLISHED : TaskOutcome.BUILD_FAILED;
            case SWITCHOVER -> switchover(succeeded, finished.failedStep(), finished.rolledBack());
            case FAILOVER -> succeeded ? TaskOutcome.FAILED_OVER : TaskOutcome.FAILOVER_FAILED;
            case STOP -> succeeded ? TaskOutcome.STOPPED : TaskOutcome.FAILED;
            case SWITCHOVER_ROUND_TRIP -> roundTrip(succeeded, finished.failedStep(), finished.rolledBack());
        };
    }

    /**
     * Where a round trip left production: outward it fails as a switchover does; a failed return leaves production
     * on the DR cluster unless the return got past its promotion; the final check of the canary changes no role.
     */
    private static TaskOutcome roundTrip(boolean succeeded, String failedStep, boolean rolledBack) {
        if (succeeded || failedStep == null || !failedStep.startsWith(OUTWARD) && !failedStep.startsWith(RETURN)
                && !"check-ready".equals(failedStep) && !"start-canary".equals(failedStep)) {
            return TaskOutcome.ROUND_TRIP_COMPLETED;
        }
        if (!failedStep.startsWith(RETURN)) {
            String step = failedStep.startsWith(OUTWARD) ? failedStep.substring(OUTWARD.length()) : failedStep;
            return LEG_AFTER_PROMOTION.contains(step) ? TaskOutcome.SWITCHOVER_FAILED_AFTER_PROMOTION
                    : switchover(false, step, rolledBack);
        }
        String step = failedStep.substring(RETURN.length());
        if (rolledBack) {
            return TaskOutcome.SWITCHED_OVER;
        }
        if (LEG_AFTER_PROMOTION.contains(step)) {
            return TaskOutcome.RETURN_FAILED_AFTER_PROMOTION;
        }
        return DrSteps.PROMOTE_DR.equals(step) ? TaskOutcome.RETURN_PROMOTION_FAILED : TaskOutcome.RETURN_FAILED;
    }

    private static TaskOutcome switchover(boolean succeeded, String failedStep, boolean rolledBack) {
        if (succeeded) {
            return TaskOutcome.SWITCHED_OVER;
        }
        if (rolledBack) {
            return TaskOutcome.SWITCHOVER_ROLLED_BACK;
        }
        if (SWITCHOVER_AFTER_PROMOTION.contains(failedStep)) {
            return TaskOutcome.SWITCHOVER_FAILED_AFTER_PROMOTION;
        }
        return DrSteps.PROMOTE_DR.equals(failedStep) ? TaskOutcome.SWITCHOVER_PROMOTION_FAILED
                : TaskOutcome.SWITCHOVER_FAILED;
    }

    /**
     * Promotes the DR cluster: the names that follow the primary are pointed at it, its webhooks are called (for a
     * round trip, when it ends with production on the DR cluster).
     */
    public boolean promotesDr() {
        return this == SWITCHOVER || this == FAILOVER || this == SWITCHOVER_ROUND_TRIP;
    }

    /** Promotes or dissolves: only an admin may start it, or resume it after a failure. */
    public boolean adminOnly() {
        return this == FAILOVER || this == STOP;
    }
}
