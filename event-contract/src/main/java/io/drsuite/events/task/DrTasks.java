package io.drsuite.events.task;

import io.drsuite.events.relationship.SyncMode;

/**
 * The DR task types task-service runs for relationship-service, and the parameter names they take. Both sides
 * compile against these, so a renamed parameter breaks the build, not a running task.
 */
public final class DrTasks {

    /** Establish DR: build the DR cluster from the primary and start streaming. */
    public static final String START = "dr.start";
    /** Planned role swap without data loss. */
    public static final String SWITCHOVER = "dr.switchover";
    /** Unplanned promotion of the DR cluster; ends the relationship as failed_over. */
    public static final String FAILOVER = "dr.failover";
    /** After a failover, rebuild the old primary as the DR side of the new one (pg_rewind, else full build). */
    public static final String REPROTECT = "dr.reprotect";
    /** Dissolve the relationship. */
    public static final String STOP = "dr.stop";

    /** Parameter: relationship id. */
    public static final String RELATIONSHIP_ID = "relationshipId";
    /** Parameter: relationship name. */
    public static final String RELATIONSHIP_NAME = "relationshipName";
    /** Parameter: the cluster in (or to take) the primary role for this task. */
    public static final String PRIMARY_CLUSTER = "primaryCluster";
    /** Parameter: the cluster in (or to take) the disaster_standby role for this task. */
    public static final String DR_CLUSTER = "drCluster";
    /** Parameter: a {@link SyncMode}, {@code async} or {@code sync}. */
    public static final String SYNC_MODE = "syncMode";
    /** Parameter, switchover: most WAL bytes the DR side may lag behind for a switchover to start. */
    public static final String MAX_LAG_BYTES = "maxLagBytes";
    /** Parameter, stop: {@code true} to promote the DR cluster to a standalone primary. */
    public static final String PROMOTE_DR = "promoteDr";

    /** Artifact, failover: estimated WAL bytes lost (last known primary position minus what the DR side received). */
    public static final String ESTIMATED_DATA_LOSS_BYTES = "estimatedDataLossBytes";
    /** Artifact, switchover and failover: the moment the new primary accepted writes. */
    public static final String PROMOTED_AT = "promotedAt";
    /** Artifact, switchover: the moment the old primary stopped accepting writes. */
    public static final String PRIMARY_STOPPED_AT = "primaryStoppedAt";
    /** Artifact, reprotect: how the old primary was rebuilt, {@link RebuildMethod}: {@code rewind} or {@code full}. */
    public static final String REBUILD_METHOD = "rebuildMethod";

    private DrTasks() {
    }

    /**
     * The replication slot a relationship owns on its primary, which is also its main standby's
     * {@code application_name} (what {@code pg_stat_replication} and {@code synchronous_standby_names} show).
     */
    public static String slotName(String relationshipName) {
        return "drsuite_" + relationshipName.replace('-', '_');
    }
}
