package io.drsuite.events.task;

/**
 * The tasks that act inside one cluster (openGauss's primary/standby {@code switchover}, {@code failover} and
 * {@code build}), which task-service runs for relationship-service, and the parameters, artifacts and step names
 * both sides compile against. When the cluster is the production side of a DR relationship, the request also carries
 * {@link DrTasks#RELATIONSHIP_ID}, {@link DrTasks#RELATIONSHIP_NAME}, {@link DrTasks#DR_CLUSTER} and
 * {@link DrTasks#SYNC_MODE}, and the task re-points the DR main standby at the new primary.
 */
public final class ClusterTasks {

    /** Planned swap of the primary and a chosen standby, without data loss. */
    public static final String SWITCHOVER = "cluster.switchover";
    /** The primary is lost: fence it, promote the most advanced (or the named) standby. */
    public static final String FAILOVER = "cluster.failover";
    /** Rebuild a standby (or turn a former primary into one): pg_rewind, or a full pg_basebackup. */
    public static final String REBUILD_NODE = "cluster.rebuild-node";
    /** Build a newly registered node as a standby of the primary. */
    public static final String ADD_NODE = "cluster.add-node";

    /** Parameter: the cluster's name. */
    public static final String CLUSTER = "cluster";
    /** Parameter, switchover and failover: the standby to promote (optional for a failover). */
    public static final String TO_NODE = "toNode";
    /** Parameter, rebuild and add: the node to build. */
    public static final String NODE = "node";
    /** Parameter, rebuild: a {@link RebuildMode}. */
    public static final String REBUILD_MODE = "mode";
    /** Parameter: how many local standbys a commit waits for (absent or 0: none). */
    public static final String SYNC_STANDBY_COUNT = "syncStandbyCount";
    /** Parameter: the local standbys that may be synchronous, node names separated by commas. */
    public static final String SYNC_STANDBY_NODES = "syncStandbyNodes";
    /** Parameter, failover: most WAL bytes the candidate may lag behind the best-known position (absent: any). */
    public static final String MAX_LAG_BYTES = "maxLagBytes";
    /** Parameter, failover: {@code true} when the automatic local failover policy asked for it. */
    public static final String AUTOMATIC = "automatic";

    /** Artifact, switchover and failover: the node that was primary before. */
    public static final String OLD_PRIMARY = "oldPrimary";
    /** Artifact, switchover and failover: the node that is primary now (recorded by {@link #PROMOTE_STEP}). */
    public static final String NEW_PRIMARY = "newPrimary";

    /** Switchover and failover: the step that promotes the new primary; from it on the roles have changed. */
    public static final String PROMOTE_STEP = "promote-standby";

    private ClusterTasks() {
    }

    /**
     * Parameter of every node and DR task, one per cluster it names: the cluster's main node as the registry had it
     * when the task was requested. Registry events and task requests travel on different topics, so task-service
     * may get a request before the change that preceded it (a switchover right after another one); and a node
     * task's own promotion moves the main node while the task still runs. The task holds to this one.
     */
    public static String mainNodeParameter(String cluster) {
        return "mainNode." + cluster;
    }

    /**
     * The {@code application_name} (and slot name) a local standby streams under, which
     * {@code synchronous_standby_names} lists: derived from the node name, so it survives role changes.
     */
    public static String standbyName(String nodeName) {
        return ("drsuite_node_" + nodeName).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
