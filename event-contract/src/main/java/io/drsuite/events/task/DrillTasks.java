package io.drsuite.events.task;

/**
 * The drill task types task-service runs for relationship-service, with their parameter and artifact names. Both
 * sides compile against these.
 */
public final class DrillTasks {

    /**
     * A failover rehearsal: a throwaway copy of the DR main standby is made on a sandbox node, brought to a recorded
     * data point, a disaster is declared, the copy is promoted and checked, then destroyed, whatever the ending.
     * Production and the DR replication go on throughout.
     */
    public static final String FAILOVER_REHEARSAL = "drill.failover-rehearsal";

    /**
     * A restore test, requested by snapshot-service: the cluster's newest good snapshot (and the archived WAL after
     * it, when the cluster's archive is on) is restored onto a sandbox node, checked, and destroyed, whatever the
     * ending. Parameters: {@link #DRILL_ID}, {@link #CLUSTER}, {@link #SNAPSHOT_ID}, {@link #SANDBOX_NODE},
     * {@link #USER_CHECKS}, {@link #RESTORE_OBJECTIVE_SECONDS} (when the cluster has one) and what the restore needs
     * (snapshot-service's choice). Artifacts: {@link #RESTORE_SECONDS}, {@link #RESTORED_LSN}, {@link #CHECKS}.
     */
    public static final String RESTORE_TEST = "drill.restore-test";

    /**
     * A switchover round trip: a canary writer commits through a client that follows the primary while the
     * relationship switches over and back, with checks on each new primary. Measures each direction's write outage
     * and the acknowledged canary commits lost (must be 0).
     */
    public static final String SWITCHOVER_ROUND_TRIP = "drill.switchover-round-trip";

    /**
     * Parameter prefix (switchover round trip): a parameter of the return leg that differs from the outward leg's
     * (the DNS routes and local synchronous standbys of the cluster that is primary again), e.g.
     * {@code return.dns.0.name}. The return leg also swaps {@link #PRIMARY_CLUSTER} and {@link #DR_CLUSTER}.
     */
    public static final String RETURN_LEG_PREFIX = "return.";

    /** Parameter: the drill's id (also the task's target). */
    public static final String DRILL_ID = "drillId";
    /** Parameter (restore test): the cluster whose backup is restored. */
    public static final String CLUSTER = "cluster";
    /** Parameter (restore test): the snapshot restored; also recorded as an artifact. */
    public static final String SNAPSHOT_ID = "snapshotId";
    /**
     * Parameter (restore test): the cluster's restore objective, which the drill's restore time is judged by; also
     * recorded as an artifact.
     */
    public static final String RESTORE_OBJECTIVE_SECONDS = "restoreObjectiveSeconds";
    /** Parameter: the production cluster, whose position the RPO is measured against. */
    public static final String PRIMARY_CLUSTER = "primaryCluster";
    /** Parameter: the DR cluster, whose main standby is copied. */
    public static final String DR_CLUSTER = "drCluster";
    /**
     * Parameter: the sandbox node to create, as a {@link io.drsuite.events.cluster.ClusterNode} in JSON (name, host,
     * port, data directory, which must not exist yet, and host access). Nothing else may listen on its port.
     */
    public static final String SANDBOX_NODE = "sandboxNode";
    /**
     * Parameter: the user checks, a JSON array of {@code {"name", "database", "sql", "expected"}} ({@code database}
     * may be absent: {@code postgres}).
     */
    public static final String USER_CHECKS = "userChecks";
    /**
     * Parameter: tables with more pages than this have their checksum taken over a repeatable sample of pages
     * ({@code TABLESAMPLE SYSTEM}); the row count is always exact.
     */
    public static final String SAMPLE_ABOVE_PAGES = "sampleAbovePages";
    /** Parameter: the percentage of pages a sampled checksum reads. */
    public static final String SAMPLE_PERCENT = "samplePercent";

    /** Artifact: the WAL position of the copy's data, where the checks compare it with the DR main standby. */
    public static final String DATA_POINT_LSN = "dataPointLsn";
    /** Artifact: how long the DR main standby's replay (never its receiving) was paused to read its checksums. */
    public static final String SOURCE_PAUSE_SECONDS = "sourcePauseSeconds";
    /** Artifact: the instant the disaster was declared (ISO-8601). */
    public static final String DECLARED_AT = "declaredAt";
    /** Artifact: declared -> the promoted copy accepted a write, in seconds. */
    public static final String RTO_SECONDS = "rtoSeconds";
    /** Artifact: WAL production had written and the DR main standby had not received when it was declared. */
    public static final String RPO_BYTES = "rpoBytes";
    /** Artifact: the same in time (0 when everything was received), as monitor-service estimates it. */
    public static final String RPO_SECONDS = "rpoSeconds";
    /**
     * Artifact (switchover round trip): the longest time without an acknowledged canary commit while production moved
     * to the DR cluster, in seconds.
     */
    public static final String OUTAGE_THERE_SECONDS = "outageThereSeconds";
    /** Artifact (switchover round trip): the same while production moved back. */
    public static final String OUTAGE_BACK_SECONDS = "outageBackSeconds";
    /** Artifact (switchover round trip): canary commits acknowledged to the writer. */
    public static final String CANARY_COMMITS = "canaryCommits";
    /** Artifact (switchover round trip): acknowledged canary commits missing on the final primary (must be 0). */
    public static final String CANARY_LOST_COMMITS = "canaryLostCommits";
    /** Artifact (restore test): the restore's start -> the restored node accepted connections, in seconds. */
    public static final String RESTORE_SECONDS = "restoreSeconds";
    /** Artifact (restore test): the WAL position the restored node reached. */
    public static final String RESTORED_LSN = "restoredLsn";
    /**
     * Artifact: every check's outcome, a JSON array of {@code {"name", "kind", "passed", "detail"}}; {@code kind} is
     * {@code connect}, {@code table} (row count and checksum of one table against the DR main standby),
     * {@code amcheck} ({@code pg_amcheck} over every table and B-tree index of the copy) or {@code user}.
     */
    public static final String CHECKS = "checks";

    private DrillTasks() {
    }

    /** The replication slot the copy holds on the DR main standby while it is made and recovers. */
    public static String slotName(String drillId) {
        return "drsuite_drill_" + drillId.replace("-", "").substring(0, 12);
    }
}
