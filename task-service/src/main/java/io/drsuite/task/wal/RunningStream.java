package io.drsuite.task.wal;

import io.drsuite.storage.StorageLocation;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.engine.LeaseLostException;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.TaskTimedOutException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a {@code wal.stream} step: a pass about once a second follows the cluster's main node, keeps one
 * pg_receivewal streaming from it (started again after it ends, with a growing pause) and stores what it completed.
 * It ends when the task's cancel is requested, or with an exception when the lease is lost (pg_receivewal is killed
 * at once) or the stream cannot heal.
 */
final class RunningStream {

    /** Artifact: the node pg_receivewal last streamed from, so a later run drops the slot left there. */
    static final String SOURCE = "streamingFrom";

    private final WalStream stream;
    private final StorageLocation location;
    private final ArchiveFolder folder;
    private final StepContext context;
    private final ManagedClusters clusters;
    private final ArchiveSlots slots;
    private final SegmentUploads uploads;
    private final MeterRegistry metrics;
    private final Duration passInterval;
    private final RestartBackoff backoff = new RestartBackoff();

    private ManagedNode source;
    private ReceiveWalProcess receiver;
    private long segmentBytes;
    private boolean startedBefore;
    private String uploadProblem;

    RunningStream(WalStream stream, StorageLocation location, ArchiveFolder folder, StepContext context,
            ManagedClusters clusters, ArchiveSlots slots, SegmentUploads uploads, MeterRegistry metrics,
            Duration passInterval) {
        this.stream = stream;
        this.location = location;
        this.folder = folder;
        this.context = context;
        this.clusters = clusters;
        this.slots = slots;
        this.uploads = uploads;
        this.metrics = metrics;
        this.passInterval = passInterval;
    }

    void run() throws Exception {
        try {
            dropSlotOfEarlierSource(cluster());
            while (true) {
                context.remaining();
                if (context.cancelRequested()) {
                    stopOnCancel();
                    return;
                }
                ManagedCluster cluster = cluster();
                followMainNode(cluster);
                watchReceiver();
                if (receiver == null && backoff.mayStart()) {
                    start(cluster);
                }
                storeCompleted();
                Thread.sleep(passInterval);
            }
        } finally {
            if (receiver != null) {
                // Fenced, shutting down or failed: this instance stops streaming now, the next holder resumes.
                receiver.kill();
                folder.forgetProcess();
            }
        }
    }

    private ManagedCluster cluster() {
        return clusters.find(stream.cluster()).orElseThrow(() -> new IllegalStateException("cluster "
                + stream.cluster() + " is no longer registered; its WAL archive cannot stream it"));
    }

    /** A run after a crash or a takeover finds the main node changed since the last one streamed. */
    private void dropSlotOfEarlierSource(ManagedCluster cluster) {
        Optional<String> earlier = context.artifact(SOURCE).filter(name -> !name.equals(cluster.main().name()));
        earlier.flatMap(name -> cluster.nodes().stream().filter(node -> node.name().equals(name)).findFirst())
                .ifPresent(node -> slots.drop(cluster, node, stream.slot(), context));
    }

    private void followMainNode(ManagedCluster cluster) throws InterruptedException {
        ManagedNode main = cluster.main();
        if (source == null || source.endpoint().equals(main.endpoint())) {
            return;
        }
        context.log("the main node of " + cluster + " is " + main + " now (was " + source + "): streaming from it");
        if (receiver != null) {
            receiver.stop();
            logWhatItSaid();
            receiver = null;
            folder.forgetProcess();
        }
        slots.drop(cluster, source, stream.slot(), context);
        source = null;
        backoff.reset();
    }

    private void watchReceiver() throws InterruptedException {
        if (receiver == null) {
            return;
        }
        logWhatItSaid();
        if (!receiver.isAlive()) {
            String ending = receiver.ending();
            folder.forgetProcess();
            Duration pause = backoff.failed(receiver.ranFor());
            receiver = null;
            context.log("pg_receivewal streaming from " + source + " ended (" + ending + "); starting it again in "
                    + pause.toSeconds() + " s");
        }
    }

    private void start(ManagedCluster cluster) throws IOException {
        ManagedNode main = cluster.main();
        try {
            segmentBytes = slots.prepare(cluster, main, stream.slot(), context);
        } catch (SQLException e) {
            Duration pause = backoff.failed(Duration.ZERO);
            context.log("could not ready slot " + stream.slot() + " on " + main + " (" + e.getMessage()
                    + "); trying again in " + pause.toSeconds() + " s");
            return;
        }
        if (!main.name().equals(context.artifact(SOURCE).orElse(null))) {
            context.recordNow(SOURCE, main.name());
        }
        Path passFile = folder.writePassFile(main.endpoint(), cluster.admin());
        List<String> command = main.tools().receiveWal(main.endpoint(), cluster.admin().username(),
                folder.walDirectory().toString(), stream.slot(), stream.synchronous());
        try {
            receiver = ReceiveWalProcess.start(command, Map.of("PGPASSFILE", passFile.toString(),
                    "PGAPPNAME", stream.applicationName()), folder.walDirectory());
        } catch (IOException e) {
            folder.forgetProcess();
            throw new IllegalStateException("could not start " + command.getFirst() + " (PostgreSQL "
                    + cluster.majorVersion() + " client programs on task-service's host): " + e.getMessage(), e);
        }
        folder.recordPid(receiver.pid());
        if (startedBefore) {
            metrics.counter("drsuite.wal.receiver.restarts", "cluster", stream.cluster()).increment();
        }
        startedBefore = true;
        source = main;
        context.log("pg_receivewal (pid " + receiver.pid() + ") streams from " + main + " through slot "
                + stream.slot() + " as " + stream.applicationName() + (stream.synchronous() ? ", synchronously" : ""));
    }

    /** A failing storage location is retried every pass; its problem is logged when it starts and when it ends. */
    private void storeCompleted() throws IOException {
        if (segmentBytes == 0) {
            return;
        }
        try {
            uploads.archiveCompleted(stream, location, folder, segmentBytes, context);
            if (uploadProblem != null) {
                context.log("storing WAL in " + location.describe() + " works again");
                uploadProblem = null;
            }
        } catch (LeaseLostException | TaskTimedOutException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!problem.equals(uploadProblem)) {
                context.log("could not store WAL in " + location.describe() + " (" + problem
                        + "); trying again every pass, the slot keeps the WAL meanwhile");
            }
            uploadProblem = problem;
        }
    }

    /**
     * The archive is stopped: pg_receivewal ends (SIGTERM), what it completed is stored, the slot is dropped and the
     * folder removed. A failure to store fails the step with the folder and the slot kept, so nothing is lost.
     */
    private void stopOnCancel() throws IOException, InterruptedException {
        context.log("cancel requested: stopping pg_receivewal, storing what it completed, dropping the slot");
        if (receiver != null) {
            receiver.stop();
            logWhatItSaid();
            receiver = null;
            folder.forgetProcess();
        }
        long bytes = segmentBytes != 0 ? segmentBytes : folder.segmentBytesOnDisk();
        if (bytes != 0) {
            uploads.archiveCompleted(stream, location, folder, bytes, context);
        }
        Optional<ManagedCluster> cluster = clusters.find(stream.cluster());
        if (cluster.isPresent()) {
            slots.drop(cluster.get(), cluster.get().main(), stream.slot(), context);
        } else {
            context.log("cluster " + stream.cluster() + " is no longer registered: slot " + stream.slot()
                    + " was left on its nodes");
        }
        folder.delete();
        context.log("WAL archive stream stopped");
    }

    private void logWhatItSaid() {
        receiver.notableLines().forEach(line -> context.log("pg_receivewal: " + line));
    }
}
