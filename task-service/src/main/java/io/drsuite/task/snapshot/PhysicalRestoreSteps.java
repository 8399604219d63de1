package io.drsuite.task.snapshot;

import static io.drsuite.events.task.SnapshotTasks.MAJOR_VERSION;
import static io.drsuite.events.task.SnapshotTasks.TARGET_CLUSTER;
import static io.drsuite.events.task.SnapshotTasks.TARGET_NODE;
import static io.drsuite.events.task.WalTasks.NEW_NODE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.clusterclient.host.NodeFiles;
import io.drsuite.events.cluster.ClusterNode;
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
import java.util.Optional;

/**
 * Restores a physical snapshot onto a registered node (or, for a point-in-time restore, a new node named in the
 * request, whose data directory must not exist): the node is stopped, its data directory is set aside, the
 * backup is streamed from storage into {@code tar} on the node's host (through its host executor, as the node's OS
 * user), the node's own configuration files are put back (the backup carries the source's, which name its port and
 * addresses; a node that had no data directory gets its registered port instead) and the server is started; it
 * replays the WAL in the backup and comes up as a primary. The old data directory is removed only once the restored
 * server runs; until then a failure puts it back.
 * <p>
 * The folder the data directory is set aside in names the task ({@code <data>.drsuite-pre-restore-<task id>}) and
 * is recorded as an artifact before the move: only that artifact says this task moved the data, so a folder another
 * restore left behind is never taken for this one's, never unpacked over, never put back and never removed.
 */
@ApplicationScoped
public class PhysicalRestoreSteps {

    private static final String WAS_RUNNING = "targetWasRunning";
    /** Artifact: the folder this task moves the node's data directory to, recorded before the move. */
    private static final String SET_ASIDE = "previousDataSetAside";
    private static final String ASIDE_SUFFIX = ".drsuite-pre-restore-";
    /** Artifact: set before this task creates the data directory of a node that had none. */
    private static final String CREATED = "dataDirectoryCreated";

    private final ManagedClusters clusters;
    private final StoredSnapshots stored;
    private final ObjectMapper json;

    PhysicalRestoreSteps(ManagedClusters clusters, StoredSnapshots stored, ObjectMapper json) {
        this.clusters = clusters;
        this.stored = stored;
        this.json = json;
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

    /**
     * Moves the data directory into this task's folder, once: the folder is recorded first, so a rerun after a
     * crash knows whether the move happened (the recorded folder exists) or is still to do.
     */
    public void setAsideData(StepContext context) {
        NodeControl node = target(context);
        NodeFiles files = node.files();
        String data = node.node().dataDirectory();
        if (isNewNode(context)) {
            if (files.exists(data) && !createdHere(context)) {
                throw new IllegalStateException(data + " appeared on " + node.node() + " after the restore checked "
                        + "that it did not exist; a new node's data directory is never moved or replaced");
            }
            return;
        }
        Optional<String> recorded = context.artifact(SET_ASIDE);
        if (recorded.isPresent() && files.exists(recorded.get())) {
            if (files.exists(data)) {
                throw new IllegalStateException(data + " was created on " + node.node() + " after this task set "
                        + "the node's data aside in " + recorded.get() + "; the restore stops and puts it back");
            }
            return;
        }
        if (!files.exists(data)) {
            context.log(node.node() + " has no data directory " + data + " to set aside");
            return;
        }
        String aside = recorded.orElse(data + ASIDE_SUFFIX + context.taskId());
        context.recordNow(SET_ASIDE, aside);
        files.move(data, aside);
        context.log("kept the data directory of " + node.node() + " aside in " + aside);
    }

    /**
     * Unpacks the snapshot into an empty data directory. A data directory found in place is removed only when this
     * task set the node's data aside (it is then what an earlier run of this step left); otherwise it is the node's
     * data and the restore stops.
     */
    public void unpack(StepContext context) throws IOException {
        NodeControl node = target(context);
        ManagedNode managed = node.node();
        NodeFiles files = node.files();
        String data = managed.dataDirectory();
        Optional<String> aside = setAside(context, files);
        if (files.exists(data) && aside.isEmpty() && !createdHere(context)) {
            throw new IllegalStateException(data + " on " + managed + " was not set aside by this restore; it is "
                    + "left as it is");
        }
        if (aside.isEmpty()) {
            context.recordNow(CREATED, "true");
        }
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
        if (aside.isPresent()) {
            for (String file : ConfigurationFiles.list(managed, aside.get())) {
                files.copy(aside.get() + "/" + file, data + "/" + file);
            }
        } else {
            node.keepOwnPort();
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
        Optional<String> aside = context.artifact(SET_ASIDE);
        if (aside.isPresent()) {
            node.files().remove(aside.get());
            context.log("removed the previous data directory of " + node.node() + " (" + aside.get() + ")");
        }
    }

    /**
     * Puts the data directory this task set aside back (never a folder it did not move) and starts the node again if
     * it ran before.
     */
    public void rollback(StepContext context) {
        NodeControl node = target(context);
        Optional<String> aside = setAside(context, node.files());
        if (aside.isPresent()) {
            node.stop("immediate");
            node.files().remove(node.node().dataDirectory());
            node.files().move(aside.get(), node.node().dataDirectory());
            context.log("put the previous data directory of " + node.node() + " back");
        } else if (createdHere(context) && node.files().exists(node.node().dataDirectory())) {
            node.stop("immediate");
            node.files().remove(node.node().dataDirectory());
            context.log("removed the data directory this restore created on " + node.node());
        }
        if (Boolean.parseBoolean(context.artifact(WAS_RUNNING).orElse("false"))) {
            node.start();
        }
    }

    /** The folder this task moved the node's data directory to, if it did (recorded, and the move happened). */
    private static Optional<String> setAside(StepContext context, NodeFiles files) {
        return context.artifact(SET_ASIDE).filter(files::exists);
    }

    /** Whether this task created the node's data directory (a new node), recorded before it did. */
    public static boolean createdHere(StepContext context) {
        return context.artifact(CREATED).isPresent();
    }

    public static boolean isNewNode(StepContext context) {
        return context.parameters().containsKey(NEW_NODE);
    }

    /**
     * The node the restore replaces the data of, {@code targetNode} of {@code targetCluster}, or the new node the
     * request names.
     */
    public NodeControl target(StepContext context) {
        if (isNewNode(context)) {
            return new NodeControl(clusters.unregistered(newNode(context),
                    Integer.parseInt(context.parameter(MAJOR_VERSION))), clusters.connector());
        }
        ManagedCluster cluster = clusters.load(context.parameter(TARGET_CLUSTER));
        String name = context.parameter(TARGET_NODE);
        ManagedNode node = cluster.nodes().stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("cluster " + cluster + " has no node " + name));
        return new NodeControl(node, clusters.connector());
    }

    private ClusterNode newNode(StepContext context) {
        try {
            return json.readValue(context.parameter(NEW_NODE), ClusterNode.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameter " + NEW_NODE + " is not a node: " + e.getOriginalMessage());
        }
    }
}
