package io.drsuite.task.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.clusterclient.files.AutoConf;
import io.drsuite.clusterclient.host.NodeFiles;
import io.drsuite.clusterclient.host.PassFile;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.StandbyConfig;
import io.drsuite.task.dr.Waits;
import io.drsuite.task.engine.ProgressMeter;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.pitr.NewNodePlace;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The drill's throwaway copy of the DR main standby on the sandbox node: made with {@code pg_basebackup} through a
 * slot of its own on the DR main standby, started as a standby of it that stops at the drill's data point, and
 * destroyed. It never touches a data directory it did not create, and it can never stream from production or
 * apply a subscription: its upstream is the DR main standby, and logical replication workers are off.
 */
@ApplicationScoped
public class SandboxCopy {

    /** Artifact: set before the drill creates the copy's data directory, so whoever ends the task removes it. */
    static final String CREATED = "copyCreated";
    private static final String APPLICATION_NAME = "drsuite-drill";
    private static final Duration SLOT_RELEASE = Duration.ofSeconds(30);

    private final ManagedClusters clusters;
    private final ObjectMapper json;

    SandboxCopy(ManagedClusters clusters, ObjectMapper json) {
        this.clusters = clusters;
        this.json = json;
    }

    NodeControl node(StepContext context, ManagedCluster dr) {
        return new NodeControl(clusters.unregistered(sandboxNode(context), dr.majorVersion()), clusters.connector());
    }

    /** The sandbox's data directory must not exist and nothing may listen on its port. */
    void requireFreePlace(StepContext context, ManagedCluster dr) {
        NodeControl copy = node(context, dr);
        if (context.artifact(CREATED).isPresent()) {
            context.log("the copy's place " + copy.node().dataDirectory() + " was taken by this drill already");
            return;
        }
        NewNodePlace.requireFree(copy);
        context.log("the copy goes to " + copy.node() + " in " + copy.node().dataDirectory());
    }

    /** Copies the DR main standby into the sandbox, through the drill's slot, and makes the copy its standby. */
    void make(StepContext context, ManagedCluster dr) throws SQLException {
        NodeControl copy = node(context, dr);
        String slot = DrillTasks.slotName(context.parameter(DrillTasks.DRILL_ID));
        try (NodeSession source = clusters.connector().open(dr.main().endpoint(), dr.admin())) {
            source.ensurePhysicalSlot(slot);
        }
        context.recordNow(CREATED, "true");
        NodeFiles files = copy.files();
        String data = copy.node().dataDirectory();
        copy.stop("immediate");
        files.remove(data);
        String passFile = data + ".drsuite-pgpass";
        files.write(passFile, PassFile.line(dr.main().endpoint(), dr.replication()));
        try {
            context.log("copying " + dr.main() + " into " + copy.node() + " with pg_basebackup through slot " + slot);
            copy.node().executor().run(copy.node().tools().baseBackup(dr.main().endpoint(), dr.replication(),
                    passFile, data, slot), null, context.remaining(), line -> ProgressMeter.report(context, line))
                    .orThrow();
        } finally {
            files.remove(passFile);
        }
        copy.keepOwnPort();
        AutoConf conf = StandbyConfig.apply(copy.autoConf(), dr.main().endpoint(), dr.replication(),
                APPLICATION_NAME, slot);
        conf.set("hot_standby", "on");
        isolate(conf, copy.node().name());
        copy.writeAutoConf(conf);
        copy.markAsStandby();
    }

    /**
     * Settings that keep a throwaway copy from reaching out once it runs: it archives nothing, applies no
     * subscription, waits for no synchronous standby of its source, and names itself.
     */
    static void isolate(AutoConf conf, String nodeName) {
        conf.set("archive_mode", "off");
        conf.set("max_logical_replication_workers", "0");
        conf.set("synchronous_standby_names", "");
        conf.set("cluster_name", nodeName);
    }

    /**
     * Starts the copy with recovery stopping just before the first record at or after {@code dataPoint}, where the
     * DR main standby's checksums were read, and waits until it is paused there.
     */
    void startAt(StepContext context, ManagedCluster dr, String dataPoint) throws Exception {
        NodeControl copy = node(context, dr);
        AutoConf conf = copy.autoConf();
        conf.set("recovery_target_lsn", dataPoint);
        conf.set("recovery_target_inclusive", "off");
        conf.set("recovery_target_action", "pause");
        copy.writeAutoConf(conf);
        copy.start();
        Waits.until(context, copy.node() + " pauses at " + dataPoint, context.remaining(), () -> {
            try (NodeSession session = copy.session(dr.admin())) {
                return session.inRecovery() && pausedAtTarget(session);
            }
        });
        try (NodeSession session = copy.session(dr.admin())) {
            String reached = session.replayLsn().map(Object::toString).orElse("nothing");
            if (!reached.equals(dataPoint)) {
                throw new IllegalStateException("the copy stopped at " + reached + ", not at the data point "
                        + dataPoint);
            }
        }
        context.log(copy.node() + " is a standby paused at the data point " + dataPoint);
    }

    /**
     * Stops the copy, removes its data directory and drops its slot on the DR main standby. Safe to run again and
     * after a crash; it removes nothing unless the drill recorded that it created it.
     */
    void destroy(StepContext context, ManagedCluster dr) throws Exception {
        if (context.artifact(CREATED).isEmpty()) {
            return;
        }
        NodeControl copy = node(context, dr);
        String data = copy.node().dataDirectory();
        if (copy.files().exists(data)) {
            copy.stop("immediate");
            copy.files().remove(data);
            context.log("stopped the copy and removed " + data + " on " + copy.node().host());
        }
        copy.files().remove(data + ".drsuite-pgpass");
        copy.files().remove(copy.node().logFile());
        String slot = DrillTasks.slotName(context.parameter(DrillTasks.DRILL_ID));
        Waits.untilIgnoringDeadline(context, "slot " + slot + " on " + dr.main() + " is dropped", SLOT_RELEASE,
                () -> {
                    try (NodeSession source = clusters.connector().open(dr.main().endpoint(), dr.admin())) {
                        return source.dropSlotIfInactive(slot);
                    }
                });
    }

    private static boolean pausedAtTarget(NodeSession session) throws SQLException {
        try (var statement = session.connection().createStatement();
                var row = statement.executeQuery("select pg_get_wal_replay_pause_state()")) {
            row.next();
            return "paused".equals(row.getString(1));
        }
    }

    private ClusterNode sandboxNode(StepContext context) {
        try {
            return json.readValue(context.parameter(DrillTasks.SANDBOX_NODE), ClusterNode.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameter " + DrillTasks.SANDBOX_NODE + " is not a node: "
                    + e.getOriginalMessage());
        }
    }
}
