package io.drsuite.task.cluster;

import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.ClusterTasks;
import io.drsuite.events.task.DrTasks;
import io.drsuite.events.task.RebuildMethod;
import io.drsuite.events.task.RebuildMode;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.PostmasterStatus;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * openGauss's {@code build} inside one cluster: rebuild a node as a standby of the primary ({@code pg_rewind}, or a
 * full {@code pg_basebackup}), which also turns a fenced former primary into a standby, and build a newly registered
 * node. Nothing is overwritten before it is checked: the primary must answer as one, the node must not, and data
 * already in the node's directory must be of the cluster's system.
 */
@ApplicationScoped
public class NodeBuildSteps {

    private static final Duration STREAM_WAIT = Duration.ofSeconds(180);
    private static final String SYSTEM_IDENTIFIER = "primarySystemIdentifier";

    private final PrimaryMoveSteps move;
    private final StandbyRebuild rebuild;

    NodeBuildSteps(PrimaryMoveSteps move, StandbyRebuild rebuild) {
        this.move = move;
        this.rebuild = rebuild;
    }

    private ManagedNode target(StepContext context, LocalCluster cluster) {
        return cluster.node(context.parameter(ClusterTasks.NODE));
    }

    private static RebuildMode mode(StepContext context) {
        return RebuildMode.fromWire(context.parameters().getOrDefault(ClusterTasks.REBUILD_MODE, "auto"));
    }

    /**
     * The registered primary answers as a primary; the node to rebuild is another one and does not answer as a
     * primary; its data directory is empty, missing or of the primary's system (its control file says so).
     */
    public void checkRebuild(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        ManagedNode node = target(context, cluster);
        mode(context);
        String identifier = checkPrimary(context, cluster, node);
        NodeControl control = move.control(node);
        try (NodeSession session = control.session(cluster.cluster().admin())) {
            if (!session.inRecovery()) {
                throw new IllegalStateException(node + " answers as a primary; refusing to rebuild it (fail over "
                        + "or switch over first)");
            }
        } catch (SQLException noAnswer) {
            // a stopped or fenced node: its files are checked below
        }
        if (!isEmpty(control)) {
            String onDisk = control.controlFileSystemIdentifier();
            if (!onDisk.equals(identifier)) {
                throw new IllegalStateException(node.dataDirectory() + " of " + node + " holds system identifier "
                        + onDisk + ", not " + identifier + " of " + cluster + ": data of another cluster is never "
                        + "overwritten");
            }
        }
        context.log(node + " can be rebuilt from " + cluster.registeredPrimary() + " (" + mode(context).wireName()
                + ")");
    }

    /**
     * A node being added: registered, not the primary, no server running on its data directory, which is empty,
     * missing, or of the cluster's system.
     */
    public void checkAdd(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        ManagedNode node = target(context, cluster);
        String identifier = checkPrimary(context, cluster, node);
        NodeControl control = move.control(node);
        if (control.files().exists(node.dataDirectory()) && control.postmasterStatus() == PostmasterStatus.RUNNING) {
            throw new IllegalStateException("a server runs on " + node.dataDirectory() + " of " + node
                    + "; refusing to build over it");
        }
        if (!isEmpty(control)) {
            String onDisk = control.controlFileSystemIdentifier();
            if (!onDisk.equals(identifier)) {
                throw new IllegalStateException(node.dataDirectory() + " of " + node + " holds data of system "
                        + onDisk + ", not " + identifier + " of " + cluster + "; refusing to overwrite it");
            }
            context.log(node.dataDirectory() + " holds data of " + cluster + "; it is replaced and kept aside");
        }
    }

    private String checkPrimary(StepContext context, LocalCluster cluster, ManagedNode node) throws SQLException {
        ManagedNode primary = cluster.registeredPrimary();
        if (node == primary) {
            throw new IllegalStateException(node + " is the registered primary of " + cluster
                    + "; refusing to build it");
        }
        try (NodeSession session = move.control(primary).session(cluster.cluster().admin())) {
            if (session.inRecovery()) {
                throw new IllegalStateException(primary + " is in recovery, not a primary to build from");
            }
            String identifier = session.systemIdentifier();
            context.record(SYSTEM_IDENTIFIER, identifier);
            return identifier;
        }
    }

    /** Whether the node's data directory is missing or holds nothing. */
    private static boolean isEmpty(NodeControl node) {
        String data = node.node().dataDirectory();
        if (!node.files().exists(data)) {
            return true;
        }
        return node.node().executor().run(List.of("find", data, "-mindepth", "1", "-maxdepth", "1", "-print",
                "-quit"), Duration.ofSeconds(30)).orThrow().stdout().isBlank();
    }

    /**
     * Rebuilds the node as the mode says, as a standby of the primary streaming through the slot
     * {@link ClusterTasks#standbyName}; records how ({@link DrTasks#REBUILD_METHOD}).
     */
    public void rebuildNode(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        ManagedNode node = target(context, cluster);
        Upstream upstream = Upstream.of(cluster.cluster(), cluster.registeredPrimary());
        String name = ClusterTasks.standbyName(node.name());
        ensureSlot(cluster, name);
        NodeControl control = move.control(node);
        if (isEmpty(control)) {
            if (mode(context) == RebuildMode.INCREMENTAL) {
                throw new IllegalStateException(node.dataDirectory() + " of " + node + " is empty: there is nothing "
                        + "to rewind; rebuild it in mode auto or full");
            }
            buildFresh(context, cluster, node, upstream);
            return;
        }
        RebuildMethod method = rebuild.rebuild(context, cluster.cluster(), control, upstream, name, name,
                mode(context));
        context.record(DrTasks.REBUILD_METHOD, method.wireName());
    }

    /** A full build of the new node from the primary; it keeps its registered port, becomes a standby, starts. */
    public void buildNewNode(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        ManagedNode node = target(context, cluster);
        Upstream upstream = Upstream.of(cluster.cluster(), cluster.registeredPrimary());
        ensureSlot(cluster, ClusterTasks.standbyName(node.name()));
        buildFresh(context, cluster, node, upstream);
    }

    /** A full build into an empty or missing data directory (or one of the cluster's, kept aside). */
    private void buildFresh(StepContext context, LocalCluster cluster, ManagedNode node, Upstream upstream) {
        String name = ClusterTasks.standbyName(node.name());
        NodeControl control = move.control(node);
        control.stop("fast");
        if (isEmpty(control)) {
            control.files().remove(node.dataDirectory());
        }
        rebuild.fullBuild(context, cluster.cluster(), control, upstream, name);
        control.keepOwnPort();
        rebuild.configure(control, upstream, name, name);
        control.start();
        context.record(DrTasks.REBUILD_METHOD, RebuildMethod.FULL.wireName());
        context.log("built " + node + " from " + upstream + " and started it as a standby");
    }

    private void ensureSlot(LocalCluster cluster, String slot) throws SQLException {
        try (NodeSession primary = move.control(cluster.registeredPrimary()).session(cluster.cluster().admin())) {
            primary.ensureReplicationLogin(cluster.cluster().replication());
            primary.ensurePhysicalSlot(slot);
        }
    }

    /** The node streams from the primary under its {@link ClusterTasks#standbyName}. */
    public void waitForStreaming(StepContext context) throws Exception {
        LocalCluster cluster = move.cluster(context);
        ManagedNode node = target(context, cluster);
        rebuild.awaitStreaming(context, move.control(cluster.registeredPrimary()),
                Upstream.of(cluster.cluster(), cluster.registeredPrimary()), ClusterTasks.standbyName(node.name()),
                STREAM_WAIT);
        context.log(node + " streams from " + cluster.registeredPrimary());
    }
}
