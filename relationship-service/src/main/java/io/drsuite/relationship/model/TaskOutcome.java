package io.drsuite.relationship.model;

import static io.drsuite.events.relationship.ClusterState.ARCHIVE;
import static io.drsuite.events.relationship.ClusterState.ARCHIVE_FAIL;
import static io.drsuite.events.relationship.ClusterState.BACKUP_FAIL;
import static io.drsuite.events.relationship.ClusterState.NORMAL;
import static io.drsuite.events.relationship.ClusterState.PROMOTE_FAIL;
import static io.drsuite.events.relationship.ClusterState.RECOVERY;
import static io.drsuite.events.relationship.ClusterState.RECOVERY_FAIL;
import static io.drsuite.events.relationship.ClusterState.RESTORE_FAIL;
import static io.drsuite.events.relationship.ClusterState.SWITCHOVER;
import static io.drsuite.events.relationship.RelationshipPhase.ACTIVE;
import static io.drsuite.events.relationship.RelationshipPhase.ERROR;

import io.drsuite.events.relationship.ClusterState;
import io.drsuite.events.relationship.RelationshipPhase;

/**
 * How a relationship's task ended, and where that leaves the relationship: its phase, the gs_ddr state of each
 * cluster, whether the clusters traded roles and whether they are released. {@link RelationshipOperation#outcome}
 * says which outcome a finished task is.
 */
public enum TaskOutcome {

    /** Start or reprotect built the DR side and it streams. */
    ESTABLISHED(ACTIVE, ARCHIVE, RECOVERY, Roles.KEPT, Clusters.KEPT),
    /** Start or reprotect failed while building; resumable. */
    BUILD_FAILED(ERROR, BACKUP_FAIL, RESTORE_FAIL, Roles.KEPT, Clusters.KEPT),
    /** A start cancelled before the DR side was touched: the relationship ends. */
    START_CANCELLED(RelationshipPhase.STOPPED, NORMAL, NORMAL, Roles.KEPT, Clusters.RELEASED),
    /** A reprotect cancelled before the DR side was touched: back to failed over. */
    REPROTECT_CANCELLED(RelationshipPhase.FAILED_OVER, NORMAL, NORMAL, Roles.KEPT, Clusters.KEPT),
    /** Another operation cancelled at a safe point: nothing changed, DR goes on. */
    CANCELLED(ACTIVE, ARCHIVE, RECOVERY, Roles.KEPT, Clusters.KEPT),
    SWITCHED_OVER(ACTIVE, ARCHIVE, RECOVERY, Roles.SWAPPED, Clusters.KEPT),
    /** The switchover failed before the promotion and put the old primary back. */
    SWITCHOVER_ROLLED_BACK(ACTIVE, ARCHIVE, RECOVERY, Roles.KEPT, Clusters.KEPT),
    /** The promotion itself failed; resumable. */
    SWITCHOVER_PROMOTION_FAILED(ERROR, SWITCHOVER, PROMOTE_FAIL, Roles.KEPT, Clusters.KEPT),
    /** The DR side was promoted, a later step failed: the new roles stand; resumable. */
    SWITCHOVER_FAILED_AFTER_PROMOTION(ERROR, ARCHIVE_FAIL, RECOVERY_FAIL, Roles.SWAPPED, Clusters.KEPT),
    /** Failed before the promotion and not rolled back (the rollback failed too); resumable. */
    SWITCHOVER_FAILED(ERROR, ARCHIVE_FAIL, RECOVERY_FAIL, Roles.KEPT, Clusters.KEPT),
    /** A switchover round trip came back (or only its final canary check failed): production is where it was. */
    ROUND_TRIP_COMPLETED(ACTIVE, ARCHIVE, RECOVERY, Roles.KEPT, Clusters.KEPT),
    /** A round trip's return promotion failed: production stays on the DR cluster, whose standby is stopped. */
    RETURN_PROMOTION_FAILED(ERROR, SWITCHOVER, PROMOTE_FAIL, Roles.SWAPPED, Clusters.KEPT),
    /** A round trip's return got past its promotion, a later step failed: production is back; resumable. */
    RETURN_FAILED_AFTER_PROMOTION(ERROR, ARCHIVE_FAIL, RECOVERY_FAIL, Roles.KEPT, Clusters.KEPT),
    /** A round trip's return failed before its promotion and was not undone; resumable. */
    RETURN_FAILED(ERROR, ARCHIVE_FAIL, RECOVERY_FAIL, Roles.SWAPPED, Clusters.KEPT),
    FAILED_OVER(RelationshipPhase.FAILED_OVER, NORMAL, NORMAL, Roles.SWAPPED, Clusters.KEPT),
    /** Resumable. */
    FAILOVER_FAILED(ERROR, ARCHIVE_FAIL, PROMOTE_FAIL, Roles.KEPT, Clusters.KEPT),
    STOPPED(RelationshipPhase.STOPPED, NORMAL, NORMAL, Roles.KEPT, Clusters.RELEASED),
    /** A stop, or a task of a type this service does not know, failed; resumable. */
    FAILED(ERROR, ARCHIVE_FAIL, RECOVERY_FAIL, Roles.KEPT, Clusters.KEPT);

    /** Whether the clusters traded the primary and DR roles. */
    enum Roles { KEPT, SWAPPED }

    /** Whether the clusters leave the relationship (free for another one). */
    enum Clusters { KEPT, RELEASED }

    private final RelationshipPhase phase;
    private final ClusterState primaryState;
    private final ClusterState drState;
    private final Roles roles;
    private final Clusters clusters;

    TaskOutcome(RelationshipPhase phase, ClusterState primaryState, ClusterState drState, Roles roles,
            Clusters clusters) {
        this.phase = phase;
        this.primaryState = primaryState;
        this.drState = drState;
        this.roles = roles;
        this.clusters = clusters;
    }

    public RelationshipPhase phase() {
        return phase;
    }

    /** State of the cluster in the primary role after the outcome (after a swap: the new primary). */
    public ClusterState primaryState() {
        return primaryState;
    }

    public ClusterState drState() {
        return drState;
    }

    public boolean swapsRoles() {
        return roles == Roles.SWAPPED;
    }

    public boolean releasesClusters() {
        return clusters == Clusters.RELEASED;
    }

    /** The task failed and was not undone: it can be resumed at the failed step, through the relationship. */
    public boolean isResumable() {
        return phase.isResumable();
    }
}
