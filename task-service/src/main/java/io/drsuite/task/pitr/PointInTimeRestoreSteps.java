package io.drsuite.task.pitr;

import static io.drsuite.events.task.SnapshotTasks.TARGET_CLUSTER;
import static io.drsuite.events.task.WalTasks.REACHED_LSN;
import static io.drsuite.events.task.WalTasks.REACHED_TIMELINE;
import static io.drsuite.events.task.WalTasks.RECOVERY_STOP;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.WalTasks;
import io.drsuite.task.dr.ManagedClusters;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.snapshot.PhysicalRestoreSteps;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps a point-in-time restore adds to a physical restore ({@link PhysicalRestoreSteps}): stage the archived
 * WAL on the node's host, write the recovery settings, recover to the target, record where recovery stopped and
 * clean up. The request is checked first, before the node is touched.
 */
@ApplicationScoped
public class PointInTimeRestoreSteps {

    /** Artifact: where the backup's WAL starts (its {@code backup_label}), the 0 % of replay progress. */
    private static final String REPLAY_FROM = "replayFrom";
    /** Artifact: the end of the last staged segment, the 100 % of replay progress. */
    private static final String REPLAY_TO = "replayTo";
    /** Artifact: set when the target lay past the end of the archive and recovery ran to its end instead. */
    private static final String TARGET_PAST_ARCHIVE = "targetPastArchive";
    /** The smallest WAL segment size PostgreSQL allows: every valid segment name is valid for it. */
    private static final long SMALLEST_SEGMENT = 1024 * 1024;
    private static final Pattern BACKUP_START = Pattern.compile("START WAL LOCATION: ([0-9A-F]+/[0-9A-F]+)");

    private final PhysicalRestoreSteps physical;
    private final WalStaging staging;
    private final ManagedClusters clusters;

    PointInTimeRestoreSteps(PhysicalRestoreSteps physical, WalStaging staging, ManagedClusters clusters) {
        this.physical = physical;
        this.staging = staging;
        this.clusters = clusters;
    }

    /**
     * Checks the target, the WAL file names and the staging folder's path, that a new node's place is free (no data
     * directory, nothing listening on its port), then the stored snapshot.
     */
    public void checkRequest(StepContext context) throws IOException {
        RecoveryTarget target = RecoveryTarget.of(context.parameters());
        ArchivedWal.of(context.parameters(), SMALLEST_SEGMENT);
        NodeControl node = physical.target(context);
        RecoverySettings.restoreCommand(WalStaging.folder(node, context));
        if (PhysicalRestoreSteps.isNewNode(context)) {
            NewNodePlace.requireFree(node);
            context.log("creating node " + node.node().name() + " at " + node.node() + " in "
                    + node.node().dataDirectory());
        }
        context.log("restoring to " + target + (target.pause() ? ", pausing there" : ", promoting there"));
        physical.checkSnapshot(context);
    }

    public void stageWal(StepContext context) throws IOException {
        NodeControl node = physical.target(context);
        ArchivedWal wal = ArchivedWal.of(context.parameters(), segmentBytes(node));
        staging.stage(context, node, wal);
        context.record(REPLAY_TO, wal.end().toString());
    }

    public void configureRecovery(StepContext context) {
        NodeControl node = physical.target(context);
        RecoveryTarget target = RecoveryTarget.of(context.parameters());
        Matcher start = BACKUP_START.matcher(node.files().read(node.path("backup_label")));
        if (!start.find()) {
            throw new IllegalStateException("the restored backup_label on " + node.node() + " names no start WAL "
                    + "location; this is not a base backup");
        }
        context.record(REPLAY_FROM, start.group(1));
        RecoverySettings.write(node, WalStaging.folder(node, context), target);
        context.log("wrote recovery settings to " + target + " into " + node.path("postgresql.auto.conf")
                + " and created recovery.signal");
    }

    /**
     * Recovers to the target. When PostgreSQL stops because the WAL ended before a time or restore point target,
     * nothing committed between the end of the archived WAL and the target: the end of the WAL is the state as of
     * the target, and recovery starts again without the target to reach it. Any other stop fails the step.
     */
    public void recover(StepContext context) throws Exception {
        NodeControl node = physical.target(context);
        RecoveryTarget target = RecoveryTarget.of(context.parameters());
        boolean pastArchive = context.artifact(TARGET_PAST_ARCHIVE).isPresent();
        Optional<String> stopped = run(context, node, target.pause() && !pastArchive).startAndAwait();
        if (stopped.isPresent() && stopped.get().contains(RecoveryRun.TARGET_NOT_REACHED) && !pastArchive
                && !target.isLatest()) {
            if (target.pause()) {
                throw new IllegalStateException("the archived WAL ends before " + target + ", so recovery cannot "
                        + "pause there; restore to a target inside the archive, or without pausing");
            }
            context.log("the archived WAL ends before " + target + " (PostgreSQL: " + stopped.get().strip()
                    + "); nothing committed between its end and the target, so recovery runs again to the end "
                    + "of the staged WAL without a target");
            RecoverySettings.dropTarget(node);
            context.recordNow(TARGET_PAST_ARCHIVE, "true");
            stopped = run(context, node, false).startAndAwait();
        }
        if (stopped.isPresent()) {
            throw new IllegalStateException(node.node() + " stopped during recovery: " + stopped.get());
        }
        context.log(node.node() + (target.pause() && !pastArchive ? " paused at " : " recovered to ") + target);
    }

    /**
     * Records the timeline, the position reached and PostgreSQL's words for where recovery stopped; a promoted
     * node has its recovery settings reset. A paused node keeps them: it needs them until the DBA resumes it
     * ({@code pg_wal_replay_resume()}), which then promotes it. The staged WAL is removed either way.
     */
    public void finish(StepContext context) throws Exception {
        NodeControl node = physical.target(context);
        try (NodeSession session = node.session(admin(context))) {
            if (session.inRecovery()) {
                Lsn replayed = session.replayLsn().orElseThrow();
                context.record(REACHED_LSN, replayed.toString());
                context.record(REACHED_TIMELINE, String.valueOf(session.timeline()));
                context.record(RECOVERY_STOP, "paused at " + replayed
                        + session.lastReplayTimestamp().map(at -> ", last commit replayed at " + at).orElse(""));
                context.log(node.node() + " is paused in recovery; its recovery settings stay until it is resumed");
            } else {
                session.checkpoint();
                int timeline = session.timeline();
                String[] switchPoint = lastHistoryEntry(session, timeline);
                context.record(REACHED_TIMELINE, String.valueOf(timeline));
                context.record(REACHED_LSN, switchPoint[1]);
                context.record(RECOVERY_STOP, switchPoint[2] + (context.artifact(TARGET_PAST_ARCHIVE).isPresent()
                        ? " (the target lies past the end of the archived WAL)" : ""));
                RecoverySettings.reset(session);
                context.log(node.node() + " runs on timeline " + timeline + " from " + switchPoint[1] + " ("
                        + switchPoint[2] + "); its recovery settings are reset");
            }
        }
        staging.remove(context, node);
    }

    /**
     * Puts the node's previous data back (the physical restore's rollback, which stops a recovering server first),
     * then removes the staged WAL: the other way round a recovering server would find its WAL gone and promote.
     */
    public void rollback(StepContext context) {
        physical.rollback(context);
        staging.remove(context, physical.target(context));
    }

    private RecoveryRun run(StepContext context, NodeControl node, boolean untilPaused) {
        Lsn from = Lsn.parse(context.artifact(REPLAY_FROM).orElseThrow());
        Lsn to = Lsn.parse(context.artifact(REPLAY_TO).orElseThrow());
        return new RecoveryRun(context, node, admin(context), untilPaused, from, to);
    }

    /** The target cluster's admin login; on a new node, the source cluster's, whose roles the restored data has. */
    private Login admin(StepContext context) {
        return clusters.load(context.parameter(PhysicalRestoreSteps.isNewNode(context) ? WalTasks.CLUSTER
                : TARGET_CLUSTER)).admin();
    }

    private static long segmentBytes(NodeControl node) {
        String size = node.controlData().get("Bytes per WAL segment");
        if (size == null) {
            throw new IllegalStateException("pg_controldata of the restored data on " + node.node()
                    + " shows no WAL segment size");
        }
        return Long.parseLong(size.strip());
    }

    /**
     * The last line of the timeline's history file: parent timeline, the switch point and PostgreSQL's reason
     * (e.g. {@code before 2026-12-03 04:50:00.1+00} or {@code at restore point "before-delete"}).
     */
    private static String[] lastHistoryEntry(NodeSession session, int timeline) throws SQLException {
        String file = String.format(Locale.ROOT, "pg_wal/%08X.history", timeline);
        try (PreparedStatement statement = session.connection().prepareStatement("select pg_read_file(?)")) {
            statement.setString(1, file);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                List<String> entries = row.getString(1).lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
                if (entries.isEmpty()) {
                    throw new IllegalStateException(file + " on " + session.node() + " is empty");
                }
                String[] fields = entries.getLast().split("\t", 3);
                if (fields.length < 3) {
                    throw new IllegalStateException("unexpected line in " + file + ": " + entries.getLast());
                }
                return fields;
            }
        }
    }
}
