package io.drsuite.snapshot.pitr;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.events.task.WalTasks.RecoveryTargetKind;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.snapshot.api.PointInTimeRestoreRequest;
import io.drsuite.snapshot.api.PointInTimeRestoreRequest.Target;
import io.drsuite.snapshot.model.RestorePhase;
import io.drsuite.snapshot.model.RestorePoint;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.SnapshotRestore;
import io.drsuite.snapshot.model.WalArchive;
import io.drsuite.snapshot.service.SnapshotRules;
import io.drsuite.snapshot.service.SnapshotTaskRequests;
import io.drsuite.snapshot.wal.RecoveryWindow;
import io.drsuite.snapshot.wal.WalCatalog;
import io.drsuite.snapshot.wal.WalContinuity;
import io.drsuite.snapshot.wal.WalStretch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Restores a cluster's state as of a point in time onto a node: picks the newest usable physical snapshot before the
 * target, and the archived WAL from its start on, and requests the {@code snapshot.restore-pitr} task. A target the
 * archive cannot reach is refused with the recovery window in the problem detail; the target node is checked as for
 * a physical restore.
 */
@ApplicationScoped
public class PointInTimeRestoreService {

    private final SnapshotRules rules;
    private final WalCatalog catalog;
    private final SnapshotTaskRequests tasks;

    PointInTimeRestoreService(SnapshotRules rules, WalCatalog catalog, SnapshotTaskRequests tasks) {
        this.rules = rules;
        this.catalog = catalog;
        this.tasks = tasks;
    }

    @Transactional
    public SnapshotRestore restore(PointInTimeRestoreRequest request) {
        Target target = request.target();
        if (target.given() != 1) {
            throw ProblemException.badRequest("target", "name exactly one target: time, lsn, restorePoint or "
                    + "latest: true");
        }
        KnownCluster source = rules.cluster(request.cluster());
        WalArchive archive = WalArchive.currentOf(source.name).orElseThrow(() -> ProblemException.unprocessable(
                "no-wal-archive", "No WAL archive", "cluster '" + source.name + "' has no WAL archive; switch one "
                        + "on (POST /api/v1/wal-archives) and take a physical snapshot"));
        WalContinuity continuity = catalog.continuity(archive.id);
        RecoveryWindow window = catalog.window(archive, continuity);
        ChosenTarget chosen = choose(source, target, continuity, window);
        Snapshot base = Snapshot.findById(chosen.base().id, LockModeType.PESSIMISTIC_WRITE);

        KnownCluster onto = rules.cluster(request.ontoCluster());
        rules.restoreAllowed(onto.name);
        SnapshotRestore.runningInto(onto.name).ifPresent(running -> {
            throw ProblemException.conflict("restore-running", "restore " + running.id + " into cluster '"
                    + onto.name + "' has not ended");
        });
        rules.sameMajorVersion(base, onto);
        String node = rules.replacedNode(onto, request.ontoNode(), request.replaces()).name();

        SnapshotRestore restore = new SnapshotRestore();
        restore.id = UUID.randomUUID();
        restore.snapshotId = base.id;
        restore.kind = SnapshotKind.PHYSICAL;
        restore.targetCluster = onto.name;
        restore.targetNode = node;
        restore.replaceData = true;
        restore.requestedBy = ChangeOrigins.current().requestedBy();
        restore.walArchiveId = archive.id;
        restore.sourceCluster = source.name;
        restore.targetKind = chosen.kind().wireName();
        restore.targetValue = chosen.value();
        restore.pauseAtTarget = Boolean.TRUE.equals(request.pauseAtTarget());
        restore.phase = RestorePhase.RUNNING;
        restore.taskId = UUID.randomUUID();
        restore.requestedAt = Instant.now();
        restore.persist();
        tasks.pointInTimeRestore(base, restore, archive, continuity.runsFrom(base.timeline,
                Lsn.parse(base.startLsn).value()).stream().map(WalStretch::run).toList(),
                catalog.historyFiles(archive.id));
        return restore;
    }

    /** The target in the task's terms and the base snapshot to start from. */
    private record ChosenTarget(RecoveryTargetKind kind, String value, Snapshot base) {
    }

    private static ChosenTarget choose(KnownCluster source, Target target, WalContinuity continuity,
            RecoveryWindow window) {
        if (target.time() != null) {
            if (!window.contains(target.time())) {
                throw outside(source, window, "time " + target.time());
            }
            return new ChosenTarget(RecoveryTargetKind.TIME, target.time().toString(),
                    newestBase(window, base -> !base.consistentAt.isAfter(target.time()))
                            .orElseThrow(() -> outside(source, window, "time " + target.time())));
        }
        if (target.lsn() != null) {
            Lsn lsn = Lsn.parse(target.lsn());
            return new ChosenTarget(RecoveryTargetKind.LSN, lsn.toString(),
                    byLsn(source, lsn, continuity, window, "LSN " + lsn));
        }
        if (target.restorePoint() != null) {
            RestorePoint point = RestorePoint.named(source.name, target.restorePoint()).orElseThrow(() ->
                    ProblemException.unprocessable("unknown-restore-point", "Unknown restore point", "cluster '"
                            + source.name + "' has no restore point named '" + target.restorePoint() + "'"));
            return new ChosenTarget(RecoveryTargetKind.RESTORE_POINT, point.name, byLsn(source,
                    Lsn.parse(point.lsn), continuity, window, "restore point '" + point.name + "' (" + point.lsn
                            + ")"));
        }
        return new ChosenTarget(RecoveryTargetKind.LATEST, null, window.bases().stream().findFirst()
                .orElseThrow(() -> outside(source, window, "the latest archived WAL")));
    }

    /** The newest base whose WAL ends at or before the position, when the archive reaches the position. */
    private static Snapshot byLsn(KnownCluster source, Lsn lsn, WalContinuity continuity, RecoveryWindow window,
            String what) {
        if (!continuity.reaches(lsn.value())) {
            throw outside(source, window, what);
        }
        return newestBase(window, base -> !Lsn.parse(base.endLsn != null ? base.endLsn : base.startLsn)
                .isAtLeast(new Lsn(lsn.value() + 1))).orElseThrow(() -> outside(source, window, what));
    }

    private static Optional<Snapshot> newestBase(RecoveryWindow window, Predicate<Snapshot> before) {
        return window.bases().stream().filter(before).findFirst();
    }

    private static ProblemException outside(KnownCluster source, RecoveryWindow window, String what) {
        return ProblemException.unprocessable("outside-recovery-window", "Target outside the recovery window",
                what + " cannot be reached from the snapshots and archived WAL of cluster '" + source.name
                        + "'; its recovery window is " + window.describe());
    }
}
