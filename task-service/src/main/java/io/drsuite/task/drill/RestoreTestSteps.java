package io.drsuite.task.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.files.AutoConf;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.WalTasks;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.Waits;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.pitr.NewNodePlace;
import io.drsuite.task.pitr.PointInTimeRestoreSteps;
import io.drsuite.task.snapshot.PhysicalRestoreSteps;
import io.drsuite.task.snapshot.StoredSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The steps of a restore test ({@link RestoreTestTask}). The sandbox node is the restore's new node
 * ({@link WalTasks#NEW_NODE}, which must name the same node as {@link DrillTasks#SANDBOX_NODE}): the snapshot is
 * unpacked there by {@link PhysicalRestoreSteps}, the archived WAL staged and replayed to its end by
 * {@link PointInTimeRestoreSteps}, which promotes the node; without archived WAL the node recovers from the WAL in
 * the backup alone. The restored data has the source cluster's roles, so the checks log in as its admin. A logical
 * snapshot is restored into a fresh instance made on the sandbox ({@link SandboxInstance}) whose superuser is that
 * admin; the later steps are the same (its WAL staging has nothing to do).
 */
@ApplicationScoped
public class RestoreTestSteps {

    /** Artifact: when the restore began (ISO-8601), the start of {@link DrillTasks#RESTORE_SECONDS}. */
    private static final String RESTORE_STARTED_AT = "restoreStartedAt";
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(60);

    private final PhysicalRestoreSteps physical;
    private final PointInTimeRestoreSteps pointInTime;
    private final SandboxInstance instance;
    private final StoredSnapshots stored;
    private final ManagedClusters clusters;
    private final ObjectMapper json;

    RestoreTestSteps(PhysicalRestoreSteps physical, PointInTimeRestoreSteps pointInTime, SandboxInstance instance,
            StoredSnapshots stored, ManagedClusters clusters, ObjectMapper json) {
        this.physical = physical;
        this.pointInTime = pointInTime;
        this.instance = instance;
        this.stored = stored;
        this.clusters = clusters;
        this.json = json;
    }

    /**
     * The sandbox is the restore's new node and its place is free (no folder, nothing on its port), the request
     * names a restore the point-in-time machinery accepts, and the stored snapshot is what was written.
     */
    public void checkSandbox(StepContext context) throws IOException {
        if (!node(context, DrillTasks.SANDBOX_NODE).equals(node(context, WalTasks.NEW_NODE))) {
            throw new IllegalArgumentException("parameters " + WalTasks.NEW_NODE + " and " + DrillTasks.SANDBOX_NODE
                    + " name different nodes; a restore test restores onto its sandbox only");
        }
        if (isLogical(context)) {
            if (replaysArchive(context)) {
                throw new IllegalArgumentException("a logical snapshot replays no archived WAL; parameter "
                        + WalTasks.WAL_SEGMENT_RUNS + " names some");
            }
            NodeControl node = physical.target(context);
            if (!instance.createdHere(context)) {
                NewNodePlace.requireFree(node);
            }
            context.log("restoring the dump of database " + context.parameter(SnapshotTasks.DATABASE) + " into a "
                    + "fresh instance on " + node.node() + " in " + node.node().dataDirectory());
            stored.checkIntact(context);
        } else if (replaysArchive(context)) {
            pointInTime.checkRequest(context);
        } else {
            NodeControl node = physical.target(context);
            NewNodePlace.requireFree(node);
            context.log("restoring onto " + node.node() + " in " + node.node().dataDirectory() + " from the "
                    + "snapshot alone (the cluster archives no WAL after it)");
            physical.checkSnapshot(context);
        }
    }

    /**
     * Unpacks the snapshot into the sandbox's new data directory, with settings that keep the copy to itself; a
     * logical snapshot is restored into a fresh instance made there instead.
     */
    public void restoreSnapshot(StepContext context) throws Exception {
        if (context.artifact(RESTORE_STARTED_AT).isEmpty()) {
            context.recordNow(RESTORE_STARTED_AT, Instant.now().toString());
        }
        if (isLogical(context)) {
            NodeControl node = physical.target(context);
            instance.create(context, node, admin(context));
            instance.restore(context, node, admin(context));
            context.record(DrillTasks.SNAPSHOT_ID, context.parameter(DrillTasks.SNAPSHOT_ID));
            return;
        }
        physical.setAsideData(context);
        physical.unpack(context);
        NodeControl node = physical.target(context);
        node.writeAutoConf(isolated(node));
        context.record(DrillTasks.SNAPSHOT_ID, context.parameter(DrillTasks.SNAPSHOT_ID));
    }

    public void stageWal(StepContext context) throws IOException {
        if (!replaysArchive(context)) {
            context.log("no archived WAL to stage");
            return;
        }
        pointInTime.stageWal(context);
        pointInTime.configureRecovery(context);
    }

    /**
     * Replays the archived WAL to its end and promotes (or, without archive, recovers from the backup's WAL), then
     * measures the restore until the node accepts connections as a primary.
     */
    public void recover(StepContext context) throws Exception {
        NodeControl node = physical.target(context);
        if (replaysArchive(context)) {
            pointInTime.recover(context);
        } else {
            physical.startNode(context);
        }
        Login admin = admin(context);
        Waits.until(context, node.node() + " accepts connections as a primary", CONNECT_WAIT, () -> {
            try (NodeSession session = node.session(admin)) {
                return !session.inRecovery();
            }
        });
        Instant started = Instant.parse(context.artifact(RESTORE_STARTED_AT).orElseThrow());
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        try (NodeSession session = node.session(admin)) {
            context.record(DrillTasks.RESTORED_LSN, session.currentLsn().toString());
        }
        context.record(DrillTasks.RESTORE_SECONDS, String.format(Locale.ROOT, "%.3f", seconds));
        String objective = context.parameters().get(DrillTasks.RESTORE_OBJECTIVE_SECONDS);
        if (objective != null) {
            context.record(DrillTasks.RESTORE_OBJECTIVE_SECONDS, objective);
        }
        context.log(node.node() + " accepts connections " + String.format(Locale.ROOT, "%.3f", seconds)
                + " s after the restore began" + (objective == null ? "" : " (objective " + objective + " s)"));
        if (replaysArchive(context)) {
            pointInTime.finish(context);
        }
    }

    /** Connects, runs the user checks and {@code pg_amcheck}; there is no source to compare tables with. */
    public void runChecks(StepContext context) throws Exception {
        NodeControl node = physical.target(context);
        Login admin = admin(context);
        List<CheckOutcome> outcomes = new ArrayList<>(new DrillChecks(clusters.connector())
                .onPrimary(node.node().endpoint(), admin, UserCheck.listOf(context.parameters(), json)));
        outcomes.add(CorruptionCheck.run(node, admin, context.remaining()));
        long failed = outcomes.stream().filter(outcome -> !outcome.passed()).count();
        context.record(DrillTasks.CHECKS, json.writeValueAsString(outcomes));
        context.log(outcomes.size() + " checks run on the restored node, " + failed + " failed");
    }

    /**
     * Stops the restored node and removes its data directory, the staged WAL and its log file. Safe to run again
     * and after a crash; nothing is touched unless this task recorded that it created the data directory.
     */
    public void destroyCopy(StepContext context) {
        if (isLogical(context)) {
            instance.destroy(context, physical.target(context));
            return;
        }
        if (!PhysicalRestoreSteps.createdHere(context)) {
            return;
        }
        pointInTime.rollback(context);
        NodeControl node = physical.target(context);
        node.files().remove(node.node().logFile());
        node.files().remove(node.node().dataDirectory() + ".drsuite-pgpass");
        context.log("destroyed the restored node " + node.node() + " and its folders");
    }

    private static boolean isLogical(StepContext context) {
        return SnapshotKind.LOGICAL.wireName().equals(context.parameters().get(SnapshotTasks.KIND));
    }

    /** The snapshot-service names archived WAL to replay when the cluster's archive reaches past the snapshot. */
    private static boolean replaysArchive(StepContext context) {
        return context.parameters().containsKey(WalTasks.WAL_SEGMENT_RUNS);
    }

    private Login admin(StepContext context) {
        return clusters.load(context.parameter(DrillTasks.CLUSTER)).admin();
    }

    private static AutoConf isolated(NodeControl node) {
        AutoConf conf = node.autoConf();
        SandboxCopy.isolate(conf, node.node().name());
        return conf;
    }

    private ClusterNode node(StepContext context, String parameter) {
        try {
            return json.readValue(context.parameter(parameter), ClusterNode.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameter " + parameter + " is not a node: "
                    + e.getOriginalMessage());
        }
    }
}
