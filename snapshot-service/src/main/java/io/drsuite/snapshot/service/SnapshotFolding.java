package io.drsuite.snapshot.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.snapshot.SnapshotEvents;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.TaskEvents;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.events.task.TaskResult;
import io.drsuite.events.task.VerifyVerdict;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.snapshot.drill.RestoreTestOutcome;
import io.drsuite.snapshot.model.RestoreTest;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.drsuite.snapshot.model.WalArchive;
import io.drsuite.snapshot.wal.WalArchiveService;
import io.drsuite.snapshot.wal.WalCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Folds the progress and outcome of snapshot tasks into the catalog, each event once, and announces what changed.
 * Tasks are found by id: a backup by its snapshot's task, a verification by the snapshot's verify task, a restore
 * by its own task, a WAL archive's streaming by the archive's task, a restore test by its task; events of other
 * tasks pass by.
 */
@ApplicationScoped
public class SnapshotFolding {

    private static final Logger LOG = Logger.getLogger(SnapshotFolding.class);

    private final EventInbox inbox;
    private final SnapshotAnnouncer announcer;
    private final SnapshotMetrics metrics;
    private final ObjectMapper json;
    private final WalArchiveService walArchives;
    private final WalCatalog walCatalog;
    private final RestoreTestOutcome restoreTests;

    SnapshotFolding(EventInbox inbox, SnapshotAnnouncer announcer, SnapshotMetrics metrics, ObjectMapper json,
            WalArchiveService walArchives, WalCatalog walCatalog, RestoreTestOutcome restoreTests) {
        this.inbox = inbox;
        this.announcer = announcer;
        this.metrics = metrics;
        this.json = json;
        this.walArchives = walArchives;
        this.walCatalog = walCatalog;
        this.restoreTests = restoreTests;
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
        dispatch(progress.taskId(), new TaskWork() {
            @Override
            public void backup(Snapshot snapshot) {
                snapshot.setProgress(progress.percent());
            }

            @Override
            public void restore(SnapshotRestore restore) {
                restore.setProgress(progress.percent());
            }

            @Override
            public void stream(WalArchive archive) {
                walArchives.streamProgressed(archive);
            }
        });
    }

    private void finish(TaskFinished finished) {
        dispatch(finished.taskId(), new TaskWork() {
            @Override
            public void backup(Snapshot snapshot) {
                finishBackup(snapshot, finished);
            }

            @Override
            public void verification(Snapshot snapshot) {
                finishVerification(snapshot, finished);
            }

            @Override
            public void restore(SnapshotRestore restore) {
                finishRestore(restore, finished);
            }

            @Override
            public void restoreTest(RestoreTest test) {
                restoreTests.finished(test, finished);
            }

            @Override
            public void stream(WalArchive archive) {
                walArchives.streamEnded(archive, finished.state() == TaskResult.FAILED, finished.at(),
                        failure(finished));
            }
        });
    }

    /**
     * What a snapshot task works for, found by its id: a running snapshot's backup, a snapshot's verification, a
     * running restore, a WAL archive's streaming, a running restore test. The one place that says which entry a task event changes; ended entries stay as they are.
     */
    private static void dispatch(UUID taskId, TaskWork work) {
        Snapshot.byTask(taskId).filter(Snapshot::isRunning).ifPresent(work::backup);
        Snapshot.byVerifyTask(taskId).ifPresent(work::verification);
        SnapshotRestore.byTask(taskId).filter(SnapshotRestore::isRunning).ifPresent(work::restore);
        WalArchive.byTask(taskId).ifPresent(work::stream);
        RestoreTest.byTask(taskId).filter(RestoreTest::isRunning).ifPresent(work::restoreTest);
    }

    /** What a task event does to the entry its task works for; an event that changes nothing there is ignored. */
    private interface TaskWork {

        default void backup(Snapshot snapshot) {
        }

        default void verification(Snapshot snapshot) {
        }

        default void restore(SnapshotRestore restore) {
        }

        default void stream(WalArchive archive) {
        }

        default void restoreTest(RestoreTest test) {
        }
    }

    private void finishBackup(Snapshot snapshot, TaskFinished finished) {
        if (finished.succeeded()) {
            snapshot.setAsCompleted(finished.at(), finished.artifacts());
            announcer.snapshot(SnapshotEvents.COMPLETED, snapshot);
            metrics.completed(snapshot);
            if (snapshot.kind == SnapshotKind.PHYSICAL) {
                walCatalog.snapshotsChanged(snapshot.cluster);
            }
            LOG.infof("Snapshot %s of %s completed: %d bytes", snapshot.id, snapshot.cluster, snapshot.sizeBytes);
        } else {
            snapshot.setAsFailed(finished.at(), failure(finished));
            announcer.snapshot(SnapshotEvents.FAILED, snapshot);
            metrics.failed(snapshot);
            LOG.warnf("Snapshot %s of %s failed: %s", snapshot.id, snapshot.cluster, snapshot.error);
        }
    }

    private void finishVerification(Snapshot snapshot, TaskFinished finished) {
        if (!finished.succeeded()) {
            snapshot.setVerificationFailed(finished.at(), finished.error());
            return;
        }
        String detail = finished.artifacts().get(SnapshotTasks.VERDICT_DETAIL);
        if (VerifyVerdict.fromWire(finished.artifacts().get(SnapshotTasks.VERDICT)) == VerifyVerdict.CORRUPT) {
            snapshot.setAsCorrupt(finished.at(), detail);
            announcer.snapshot(SnapshotEvents.CORRUPT, snapshot);
            if (snapshot.kind == SnapshotKind.PHYSICAL) {
                walCatalog.snapshotsChanged(snapshot.cluster);
            }
            metrics.failed(snapshot);
            LOG.warnf("Snapshot %s of %s is corrupt: %s", snapshot.id, snapshot.cluster, snapshot.verifyDetail);
        } else {
            snapshot.setAsVerified(finished.at(), detail);
        }
    }

    private void finishRestore(SnapshotRestore restore, TaskFinished finished) {
        if (finished.succeeded()) {
            restore.setAsCompleted(finished.at());
            if (restore.isPointInTime()) {
                restore.recordRecovery(finished.artifacts());
            }
        } else {
            restore.setAsFailed(finished.at(), failure(finished)
                    + (finished.rolledBack() ? " (rolled back: the target is as before)" : ""));
        }
        announcer.restore(restore);
        metrics.restored(restore);
        LOG.infof("Restore %s of snapshot %s into %s %s", restore.id, restore.snapshotId, restore.targetCluster,
                restore.phase.wireName());
    }

    private static String failure(TaskFinished finished) {
        return finished.error() == null ? "task " + finished.state().wireName() : finished.error();
    }
}
