package io.drsuite.task.snapshot;

import static io.drsuite.events.task.SnapshotTasks.TARGET_CLUSTER;
import static io.drsuite.events.task.SnapshotTasks.TARGET_NODE;

import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.clusterclient.host.NodeFiles;
import io.drsuite.storage.Sha256;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.ConfigurationFiles;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.Waits;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Restores a physical snapshot onto a registered node: the node is stopped, its data directory is set aside, the
 * backup is streamed from storage into {@code tar} on the node's host (through its host executor, as the node's OS
 * user), the node's own configuration files are put back (the backup carries the source's, which name its port and
 * addresses) and the server is started; it replays the WAL in the backup and comes up as a primary. The old data
 * directory is removed only once the restored server runs; until then a failure puts it back.
 */
@ApplicationScoped
public class PhysicalRestoreSteps {

    private static final String WAS_RUNNING = "targetWasRunning";
    private static final String ASIDE_SUFFIX = ".drsuite-pre-restore";

    private final ManagedClusters clusters;
    private final StoredSnapshots stored;

    PhysicalRestoreSteps(ManagedClusters clusters, StoredSnapshots stored) {
        this.clusters = clusters;
        this.stored = stored;
    }

    public void checkSnapshot(StepContext context) throws IOException {
        stored.checkIntact(context);
    }

    public void stopNode(StepContext context) {
        NodeControl node = target(context);
        if (context.artifact(WAS_RUNNING).isEmpty()) {
            context.recordNow(WAS_RUNNING, String.valueOf(node.isRunning()));
        }
        node.stop("fast");
        context.log("stopped " + node.node());
    }

    /** Moves the data directory aside, once: a rerun finds it moved already. */
    public void setAsideData(StepContext context) {
        NodeControl node = target(context);
        NodeFiles files = node.files();
        String data = node.node().dataDirectory();
        String aside = aside(node.node());
        if (!files.exists(aside) && files.exists(data)) {
            files.move(data, aside);
            context.log("kept the data directory of " + node.node() + " aside in " + aside);
        }
    }

    public void unpack(StepContext context) throws IOException {
        NodeControl node = target(context);
        ManagedNode managed = node.node();
        NodeFiles files = node.files();
        String data = managed.dataDirectory();
        String aside = aside(managed);
        files.remove(data);
        files.makeDirectory(data);
        long size = stored.size(context);
        try (Sha256 object = stored.read(context)) {
            CommandResult tar = managed.executor().runFeeding(List.of("tar", "-x", "-z", "-f", "-", "-C", data),
                    new CountingProgress(object, size, context), context.remaining(), null);
            String mismatch = StoredSnapshots.mismatch(context, object.drain());
            if (mismatch != null) {
                throw new IllegalStateException(mismatch);
            }
            tar.orThrow();
        }
        if (files.exists(aside)) {
            for (String file : ConfigurationFiles.list(managed, aside)) {
                files.copy(aside + "/" + file, data + "/" + file);
            }
        }
        for (String leftover : List.of("standby.signal", "recovery.signal", "backup_manifest")) {
            files.remove(data + "/" + leftover);
        }
        context.log("unpacked the snapshot into " + data + " on " + managed + " and put its own settings back");
    }

    /** Starts the restored server and waits until it has replayed the backup's WAL and runs as a primary. */
    public void startNode(StepContext context) throws Exception {
        NodeControl node = target(context);
        node.start();
        Waits.until(context, node.node() + " finishes recovery", Duration.ofMinutes(10),
                () -> "in production".equals(node.controlData().get("Database cluster state")));
        context.log(node.node() + " runs from the restored data");
    }

    public void removePreviousData(StepContext context) {
        NodeControl node = target(context);
        node.files().remove(aside(node.node()));
        context.log("removed the previous data directory of " + node.node());
    }

    /** Puts the previous data directory back and starts the node again if it ran before. */
    public void rollback(StepContext context) {
        NodeControl node = target(context);
        String aside = aside(node.node());
        if (!node.files().exists(aside)) {
            return;
        }
        node.stop("immediate");
        node.files().remove(node.node().dataDirectory());
        node.files().move(aside, node.node().dataDirectory());
        if (Boolean.parseBoolean(context.artifact(WAS_RUNNING).orElse("false"))) {
            node.start();
        }
        context.log("put the previous data directory of " + node.node() + " back");
    }

    private NodeControl target(StepContext context) {
        ManagedCluster cluster = clusters.load(context.parameter(TARGET_CLUSTER));
        String name = context.parameter(TARGET_NODE);
        ManagedNode node = cluster.nodes().stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("cluster " + cluster + " has no node " + name));
        return new NodeControl(node, clusters.connector());
    }

    private static String aside(ManagedNode node) {
        return node.dataDirectory() + ASIDE_SUFFIX;
    }
}
