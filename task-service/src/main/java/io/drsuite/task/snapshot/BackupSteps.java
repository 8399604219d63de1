package io.drsuite.task.snapshot;

import static io.drsuite.events.task.SnapshotTasks.CLUSTER;
import static io.drsuite.events.task.SnapshotTasks.CONSISTENT_AT;
import static io.drsuite.events.task.SnapshotTasks.DATABASE;
import static io.drsuite.events.task.SnapshotTasks.END_LSN;
import static io.drsuite.events.task.SnapshotTasks.SNAPSHOT_ID;
import static io.drsuite.events.task.SnapshotTasks.START_LSN;
import static io.drsuite.events.task.SnapshotTasks.TABLES;
import static io.drsuite.events.task.SnapshotTasks.TIMELINE;

import io.drsuite.clusterclient.host.QualifiedName;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.task.config.SnapshotConfig;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.engine.ProgressMeter;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backups streamed from a cluster's main node straight into a storage location: pg_basebackup for a physical
 * snapshot, pg_dump for a logical one. Nothing is staged on local disk.
 */
@ApplicationScoped
public class BackupSteps {

    private static final Pattern START_POINT =
            Pattern.compile("write-ahead log start point: ([0-9A-F]+/[0-9A-F]+) on timeline (\\d+)");
    /** What {@code pg_basebackup --verbose} prints once the backup's WAL is complete. */
    private static final Pattern END_POINT = Pattern.compile("write-ahead log end point: ([0-9A-F]+/[0-9A-F]+)");

    private final ManagedClusters clusters;
    private final StoredSnapshots stored;
    private final SnapshotConfig config;

    BackupSteps(ManagedClusters clusters, StoredSnapshots stored, SnapshotConfig config) {
        this.clusters = clusters;
        this.stored = stored;
        this.config = config;
    }

    /**
     * The whole cluster with pg_basebackup. A physical slot reserves the WAL from before the backup's start until
     * it ends: {@code -X fetch} reads that WAL at the end, and a busy primary would otherwise recycle it.
     */
    public void physical(StepContext context) throws Exception {
        ManagedCluster cluster = clusters.load(context.parameter(CLUSTER));
        ManagedNode source = cluster.main();
        String slot = BackupSlot.nameFor(context.parameter(SNAPSHOT_ID));
        try (NodeSession session = clusters.connector().open(source.endpoint(), cluster.admin())) {
            session.dropSlotIfInactive(slot);
            session.ensurePhysicalSlot(slot);
        }
        try {
            String[] walPoints = new String[3];
            List<String> command = source.tools().baseBackupToStream(source.endpoint(), cluster.admin().username(),
                    "drsuite snapshot " + context.parameter(SNAPSHOT_ID), config.physicalCompression());
            context.log("pg_basebackup of " + source + " into " + stored.describe(context));
            stored.write(context, upload -> ClientPrograms.run(command, source.endpoint(), cluster.admin(), null,
                    upload, context.remaining(), line -> {
                        ProgressMeter.report(context, line);
                        Matcher start = START_POINT.matcher(line);
                        if (start.find()) {
                            walPoints[0] = start.group(1);
                            walPoints[1] = start.group(2);
                        }
                        Matcher end = END_POINT.matcher(line);
                        if (end.find()) {
                            walPoints[2] = end.group(1);
                        }
                    }));
            if (walPoints[0] != null) {
                context.record(START_LSN, walPoints[0]);
                context.record(TIMELINE, walPoints[1]);
            }
            if (walPoints[2] != null) {
                context.record(END_LSN, walPoints[2]);
            }
            context.record(CONSISTENT_AT, Instant.now().toString());
        } finally {
            releaseSlot(context, cluster, source, slot);
        }
    }

    /** One database, or some of its tables, with pg_dump in custom format, consistent as of the dump's start. */
    public void logical(StepContext context) throws Exception {
        ManagedCluster cluster = clusters.load(context.parameter(CLUSTER));
        ManagedNode source = cluster.main();
        String database = context.parameter(DATABASE);
        List<QualifiedName> tables = SnapshotTasks.splitTables(context.parameters().get(TABLES)).stream()
                .map(QualifiedName::parse).toList();
        List<String> command = source.tools().dump(source.endpoint(), cluster.admin().username(), database, tables);
        Instant started = Instant.now();
        context.log("pg_dump of " + database + (tables.isEmpty() ? "" : " (" + tables.size() + " tables)") + " on "
                + source + " into " + stored.describe(context));
        stored.write(context, upload -> ClientPrograms.run(command, source.endpoint(), cluster.admin(), null, upload,
                context.remaining(), null));
        context.record(CONSISTENT_AT, started.toString());
    }

    /** Drops the backup's slot on the cluster's main node; called at every ending of the backup's task. */
    public void releaseSlot(StepContext context) throws Exception {
        ManagedCluster cluster = clusters.load(context.parameter(CLUSTER));
        releaseSlot(context, cluster, cluster.main(), BackupSlot.nameFor(context.parameter(SNAPSHOT_ID)));
    }

    private void releaseSlot(StepContext context, ManagedCluster cluster, ManagedNode source, String slot) {
        try (NodeSession session = clusters.connector().open(source.endpoint(), cluster.admin())) {
            if (session.slotExists(slot) && session.dropSlotIfInactive(slot)) {
                context.log("dropped slot " + slot + " on " + source);
            }
        } catch (SQLException e) {
            context.log("could not drop slot " + slot + " on " + source + " (" + e.getMessage()
                    + "); the slot sweep drops it later, it holds WAL until then");
        }
    }
}
