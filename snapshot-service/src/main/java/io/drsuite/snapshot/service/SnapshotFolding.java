package io.drsuite.snapshot.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.snapshot.SnapshotEvents;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.SnapshotRestore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Folds the progress and outcome of snapshot tasks into the catalog, each event once, and announces what changed.
 * Tasks are found by id: a backup by its snapshot's task, a verification by the snapshot's verify task, a restore
 * by its own task; events of other tasks pass by.
 */
@ApplicationScoped
public class SnapshotFolding {

    private static final Logger LOG = Logger.getLogger(SnapshotFolding.class);

    private final EventInbox inbox;
    private final SnapshotAnnouncer announcer;
    private final SnapshotMetrics metrics;
    private final ObjectMapper json;

    SnapshotFolding(EventInbox inbox, SnapshotAnnouncer announcer, SnapshotMetrics metrics, ObjectMapper json) {
        this.inbox = inbox;
        this.announcer = announcer;
        this.metrics = metrics;
        this.json = json;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        boolean progressed = event.is(TaskEvents.PROGRESSED);
        if (!progressed && !event.is(TaskEvents.FINISHED)) {
            return;
        }
        if (!inbox.firstDelivery(event)) {
            return;
        }
        if (progressed) {
            progress(event.payload(TaskEvents.PROGRESSED, json));
        } else {
            finish(event.payload(TaskEvents.FINISHED, json));
        }
    }

    private void progress(TaskProgressed progress) {
        Snapshot.byTask(progress.taskId()).filter(snapshot -> Snapshot.RUNNING.equals(snapshot.phase))
                .ifPresent(snapshot -> snapshot.percent = Math.max(snapshot.percent, progress.percent()));
        SnapshotRestore.byTask(progress.taskId()).filter(restore -> SnapshotRestore.RUNNING.equals(restore.phase))
                .ifPresent(restore -> restore.percent = Math.max(restore.percent, progress.percent()));
    }

    private void finish(TaskFinished finished) {
        Snapshot.byTask(finished.taskId()).filter(snapshot -> Snapshot.RUNNING.equals(snapshot.phase))
                .ifPresent(snapshot -> finishBackup(snapshot, finished));
        Snapshot.byVerifyTask(finished.taskId()).ifPresent(snapshot -> finishVerification(snapshot, finished));
        SnapshotRestore.byTask(finished.taskId()).filter(restore -> SnapshotRestore.RUNNING.equals(restore.phase))
                .ifPresent(restore -> finishRestore(restore, finished));
    }

    private void finishBackup(Snapshot snapshot, TaskFinished finished) {
        snapshot.completedAt = finished.at();
        if (finished.succeeded()) {
            Map<String, String> artifacts = finished.artifacts();
            snapshot.phase = Snapshot.COMPLETED;
            snapshot.percent = 100;
            snapshot.sizeBytes = Long.valueOf(artifacts.get(SnapshotTasks.SIZE_BYTES));
            snapshot.sha256 = artifacts.get(SnapshotTasks.SHA256);
            snapshot.startLsn = artifacts.get(SnapshotTasks.START_LSN);
            String timeline = artifacts.get(SnapshotTasks.TIMELINE);
            snapshot.timeline = timeline == null ? null : Integer.valueOf(timeline);
            String consistentAt = artifacts.get(SnapshotTasks.CONSISTENT_AT);
            snapshot.consistentAt = consistentAt == null ? null : Instant.parse(consistentAt);
            announcer.snapshot(SnapshotEvents.COMPLETED, snapshot, snapshot.phase);
            metrics.completed(snapshot);
            LOG.infof("Snapshot %s of %s completed: %d bytes", snapshot.id, snapshot.cluster, snapshot.sizeBytes);
        } else {
            snapshot.phase = Snapshot.FAILED;
            snapshot.error = finished.error() == null ? "task " + finished.state().wireName() : finished.error();
            announcer.snapshot(SnapshotEvents.FAILED, snapshot, snapshot.phase);
            metrics.failed(snapshot, "failed");
            LOG.warnf("Snapshot %s of %s failed: %s", snapshot.id, snapshot.cluster, snapshot.error);
        }
    }

    private void finishVerification(Snapshot snapshot, TaskFinished finished) {
        snapshot.verifiedAt = finished.at();
        if (!finished.succeeded()) {
            snapshot.verifyResult = Snapshot.VERIFY_FAILED;
            snapshot.verifyDetail = finished.error();
            return;
        }
        String verdict = finished.artifacts().get(SnapshotTasks.VERDICT);
        snapshot.verifyDetail = finished.artifacts().get(SnapshotTasks.VERDICT_DETAIL);
        if (SnapshotTasks.VERDICT_CORRUPT.equals(verdict)) {
            snapshot.verifyResult = Snapshot.VERIFY_CORRUPT;
            snapshot.phase = Snapshot.CORRUPT;
            snapshot.error = snapshot.verifyDetail;
            announcer.snapshot(SnapshotEvents.CORRUPT, snapshot, snapshot.phase);
            metrics.failed(snapshot, "corrupt");
            LOG.warnf("Snapshot %s of %s is corrupt: %s", snapshot.id, snapshot.cluster, snapshot.verifyDetail);
        } else {
            snapshot.verifyResult = Snapshot.VERIFY_OK;
        }
    }

    private void finishRestore(SnapshotRestore restore, TaskFinished finished) {
        restore.finishedAt = finished.at();
        if (finished.succeeded()) {
            restore.phase = SnapshotRestore.COMPLETED;
            restore.percent = 100;
        } else {
            restore.phase = SnapshotRestore.FAILED;
            restore.error = (finished.error() == null ? "task " + finished.state().wireName() : finished.error())
                    + (finished.rolledBack() ? " (rolled back: the target is as before)" : "");
        }
        announcer.restore(restore);
        metrics.restored(restore);
        LOG.infof("Restore %s of snapshot %s into %s %s", restore.id, restore.snapshotId, restore.targetCluster,
                restore.phase);
    }
}
