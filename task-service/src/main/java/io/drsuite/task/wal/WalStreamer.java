package io.drsuite.task.wal;

import io.drsuite.events.task.WalTasks;
import io.drsuite.storage.StorageLocation;
import io.drsuite.storage.StorageLocations;
import io.drsuite.task.config.WalConfig;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.engine.StepContext;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Streams a cluster's WAL into a storage location with pg_receivewal, run on task-service's host against the
 * cluster's main node, until the task is cancelled. Nothing is installed or configured on the database hosts.
 */
@ApplicationScoped
public class WalStreamer {

    private final ManagedClusters clusters;
    private final StorageLocations locations;
    private final ArchiveSlots slots;
    private final SegmentUploads uploads;
    private final WalConfig config;
    private final MeterRegistry metrics;

    WalStreamer(ManagedClusters clusters, StorageLocations locations, ArchiveSlots slots, SegmentUploads uploads,
            WalConfig config, MeterRegistry metrics) {
        this.clusters = clusters;
        this.locations = locations;
        this.slots = slots;
        this.uploads = uploads;
        this.config = config;
        this.metrics = metrics;
    }

    /** The {@code stream-wal} step: fails only for what cannot heal (no such storage location or cluster). */
    public void stream(StepContext context) throws Exception {
        WalStream stream = WalStream.of(context);
        StorageLocation location = locations.find(stream.storage()).orElseThrow(() -> new IllegalStateException(
                "storage location " + stream.storage() + " is not configured in task-service "
                        + "(drsuite.storage.locations); the archive cannot store WAL there"));
        ArchiveFolder folder = ArchiveFolder.of(config.stagingDir(), stream.archiveId()).create();
        folder.stopLeftBehind().ifPresent(pid -> context.log("stopped pg_receivewal (pid " + pid + ") left running "
                + "by an earlier run of this service"));
        clusters.load(stream.cluster());
        context.log("streaming the WAL of cluster " + stream.cluster() + " into " + location.describe() + " under "
                + stream.keyPrefix() + "/, staged in " + folder);
        new RunningStream(stream, location, folder, context, clusters, slots, uploads, metrics, config.passInterval())
                .run();
    }

    /** At every ending: a pg_receivewal still running for the archive (left by a crashed run) is stopped. */
    public void release(StepContext context) throws Exception {
        ArchiveFolder folder = ArchiveFolder.of(config.stagingDir(),
                UUID.fromString(context.parameter(WalTasks.ARCHIVE_ID)));
        folder.stopLeftBehind().ifPresent(pid -> context.log("stopped pg_receivewal (pid " + pid + ")"));
    }
}
